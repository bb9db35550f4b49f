import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream, replayProjection } from '#lib/event-store/index.js';
import { startFakeGateway, type FakeGateway, type GatewayCall } from '#lib/gateway-client/testing/fake-gateway.js';
import { campaignStream } from './events/campaign-events.js';
import { campaignProjection } from './events/projection.js';
import { splitPlotHooks } from './mutations/split-plot-hooks.js';
import { startHarness, type Harness } from './test-harness.js';

const GENERATE = `mutation($input: GeneratePlotHooksInput!) {
  generatePlotHooks(input: $input) { generationId plotHooks { id text position generationId } campaign { id } }
}`;
const HOOKS = `query($id: ID!) { campaign(id: $id) { plotHooks { text position generationId } } }`;

const TEXT = 'Hooks for Lost Mine of Phandelver:\n\n1. A dwarf map turns up in Neverwinter.\n2. Goblins raid the\n   Triboar Trail.\n3. A wizard vanishes.\n';

let h: Harness;
let hub: FakeGateway;
beforeAll(async () => {
  hub = await startFakeGateway();
  process.env.HUB_URL = hub.url;
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  await hub?.close();
});

function completed(id: string, text: string) {
  return { data: { generateText: { generation: { id, status: 'COMPLETED', text, provider: 'local', error: null } } } };
}

describe('generatePlotHooks', () => {
  it("asks the llm with the campaign's name and setting, as the DM, and stores the hooks for the DM alone", async () => {
    const campaignId = await h.createCampaign('dm');
    await h.addPlayer(campaignId, 'dm', 'player');
    let seen: GatewayCall | undefined;
    hub.answer('CampaignGeneratePlotHooksText', (call) => {
      seen = call;
      return completed('gen-hooks', TEXT);
    });
    const data = await h.ok(GENERATE, { input: { campaignId, prompt: 'more goblins', seed: 3 } }, 'dm');
    expect(data.generatePlotHooks.generationId).toBe('gen-hooks');
    expect(data.generatePlotHooks.plotHooks.map((hook: { text: string; position: number }) => [hook.position, hook.text])).toEqual([
      [1, 'A dwarf map turns up in Neverwinter.'],
      [2, 'Goblins raid the Triboar Trail.'],
      [3, 'A wizard vanishes.'],
    ]);
    expect(seen?.variables).toEqual({
      input: {
        kind: 'PLOT_HOOK',
        prompt: 'more goblins',
        seed: 3,
        context: { campaignId, campaignName: 'Lost Mine of Phandelver', setting: 'Forgotten Realms' },
      },
    });
    expect(seen?.caller?.userId).toBe('dm');

    expect((await h.ok(HOOKS, { id: campaignId }, 'dm')).campaign.plotHooks).toHaveLength(3);
    expect((await h.ok(HOOKS, { id: campaignId }, 'player')).campaign.plotHooks).toEqual([]);

    // A second generation adds its hooks before the first's; the event stream rebuilds both.
    hub.answer('CampaignGeneratePlotHooksText', () => completed('gen-hooks-2', '1. A red dragon wakes.'));
    await h.ok(GENERATE, { input: { campaignId } }, 'dm');
    const before = (await h.ok(HOOKS, { id: campaignId }, 'dm')).campaign.plotHooks;
    expect(before.map((hook: { generationId: string }) => hook.generationId)).toEqual(['gen-hooks-2', 'gen-hooks', 'gen-hooks', 'gen-hooks']);
    const stream = await readStream(h.database.db, campaignStream(campaignId));
    expect(stream.filter((event) => event.type === 'PlotHooksGenerated')).toHaveLength(2);
    await replayProjection(h.database.db, campaignProjection);
    expect((await h.ok(HOOKS, { id: campaignId }, 'dm')).campaign.plotHooks).toEqual(before);
  });

  it('is for the dungeon master only (FORBIDDEN), NOT_FOUND for an unknown campaign, and asks the llm for neither', async () => {
    const campaignId = await h.createCampaign('dm');
    await h.addPlayer(campaignId, 'dm', 'player');
    const calls = hub.calls.length;
    expect(await h.errorCode(GENERATE, { input: { campaignId } }, 'player')).toBe('FORBIDDEN');
    expect(await h.errorCode(GENERATE, { input: { campaignId: '00000000-0000-4000-8000-000000000000' } }, 'dm')).toBe('NOT_FOUND');
    expect(await h.errorCode(GENERATE, { input: { campaignId } }, null)).toBe('UNAUTHENTICATED');
    expect(hub.calls.length).toBe(calls);
  });

  it("passes the llm's errors through with their codes and stores nothing", async () => {
    const campaignId = await h.createCampaign('dm');
    hub.answer('CampaignGeneratePlotHooksText', () => ({
      data: null,
      errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED', retryAfter: 30 } }],
    }));
    const limited = await h.client.request(GENERATE, { input: { campaignId } }, 'dm');
    expect(limited.errors?.[0]).toMatchObject({ message: 'slow down', extensions: { code: 'RATE_LIMITED', retryAfter: 30 } });
    hub.answer('CampaignGeneratePlotHooksText', () => ({
      data: {
        generateText: {
          generation: {
            id: 'gen-x',
            status: 'FAILED',
            text: '',
            provider: 'openai',
            error: { code: 'SERVICE_UNAVAILABLE', message: 'all providers down', retryAfter: null },
          },
        },
      },
    }));
    expect(await h.errorCode(GENERATE, { input: { campaignId } }, 'dm')).toBe('SERVICE_UNAVAILABLE');
    expect((await h.ok(HOOKS, { id: campaignId }, 'dm')).campaign.plotHooks).toEqual([]);
  });
});

describe('splitPlotHooks', () => {
  it('takes numbered items with their continuation lines, without the introduction', () => {
    expect(splitPlotHooks(TEXT)).toEqual(['A dwarf map turns up in Neverwinter.', 'Goblins raid the Triboar Trail.', 'A wizard vanishes.']);
  });
  it('takes paragraphs when nothing is numbered, and never more than ten hooks', () => {
    expect(splitPlotHooks('A map.\n\nA raid\non the road.')).toEqual(['A map.', 'A raid on the road.']);
    expect(splitPlotHooks(Array.from({ length: 12 }, (_v, i) => `${i + 1}. Hook ${i + 1}`).join('\n'))).toHaveLength(10);
    expect(splitPlotHooks('  \n')).toEqual([]);
  });
});
