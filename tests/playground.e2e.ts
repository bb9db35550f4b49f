/**
 * The platform as its clients use it, on one platform started the way `npm start` does (the secret generated into
 * the data directory, so the playground opens signed in as the demo DM): the demo seed and the user journeys through
 * the typed SDK, a backstory streamed over SSE and WebSocket, the SDK's typed errors from the real gateway, and the
 * playground in Chromium running an example. The SDK's failure modes that need a misbehaving server (a dropped
 * stream, waits that succeed) are proven against an in-process server in frontend-sdk/src/*.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import WebSocket from 'ws';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BrowseImagesDocument,
  CharacterInventoryDocument,
  CharacterSheetDocument,
  CreateCharacterDocument,
  createDndClient,
  EquipArmourDocument,
  GeneratePortraitDocument,
  GenerateTextDocument,
  ImportFoundryActorDocument,
  LevelUpDocument,
  StreamBackstoryDocument,
} from '../frontend-sdk/src/index.js';
import { OPERATOR_ROLE, signUserToken } from '#lib/auth/index.js';
import { repoRoot } from '#lib/config/paths.js';
import { exportCharacter } from '../scripts/export-character.js';
import { dataOf, sdkClients, type SdkClients } from '../scripts/sdk-clients.js';
import { seedDemo } from '../scripts/seed-demo.js';
import { DEMO_CHARACTERS } from '../scripts/seed-demo-data.js';
import { streamBackstory } from '../scripts/stream-backstory.js';
import { networkTransfers, pageBytes } from './helpers/network-bytes.js';
import { startTestPlatform, type TestPlatform } from './helpers/platform.js';

/** The SDK as the page's script tag defines it (an esbuild IIFE bundle of frontend-sdk/src/index.ts). */
declare const DndSdk: typeof import('../frontend-sdk/src/index.js');

// Debian's Chromium, as .ci/run installs it; CHROMIUM_PATH names another Chromium or Chrome (a developer's own).
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// A user's machine may have no browser, and none can be installed by `npm install` here (browser downloads are not
// npm packages): there the browser tests report themselves as not run, with the command that enables them. CI must
// run them, so under CI a missing browser fails instead.
const BROWSER_MISSING =
  !existsSync(CHROMIUM) && !process.env.CI
    ? `not run: ${CHROMIUM} is missing; \`apt-get install -y chromium\` or CHROMIUM_PATH=<chromium or chrome> enables them`
    : null;
if (BROWSER_MISSING) console.warn(`tests/playground.e2e.ts browser tests ${BROWSER_MISSING}`);
const SCREENSHOT = path.join(repoRoot, '.ci', 'out', 'playground.png');
// A repeat visit of the playground (page revalidated, GraphiQL's hashed assets from the browser's cache) against
// about 2 MB for the first: the page itself is a few kB, so 50 kB is far above it yet far below any asset.
const REPEAT_VISIT_BUDGET = 50_000;
// 7 generations a minute per user: above what any one user of this file generates otherwise (3), low enough that a
// dedicated user reaches the limit in a few calls. 7 rather than 5: at 5/min the llm would pace calls 12 s apart
// instead of refusing (see tests/domain-generation.e2e.ts and subgraphs/llm/src/limits/window-shape.ts).
const PER_CALLER_RPM = 7;

let platform: TestPlatform;
let clients: SdkClients;
let graphqlUrl: string;
let secret: string;
let configDir: string;
let seeded: { campaignId: string; characterIds: string[] };

beforeAll(async () => {
  configDir = mkdtempSync(path.join(tmpdir(), 'playground-e2e-'));
  const config = parse(readFileSync(path.join(repoRoot, 'hub.yaml'), 'utf8')) as { llm_service?: Record<string, unknown> };
  config.llm_service = { ...config.llm_service, limits: { per_caller: { requests_per_minute: PER_CALLER_RPM, tokens_per_minute: 1_000_000 } } };
  writeFileSync(path.join(configDir, 'hub.yaml'), stringify(config));
  // No AUTH_JWT_SECRET: the secret is generated into the data directory, as on a fresh `npm start`.
  platform = await startTestPlatform({ AUTH_JWT_SECRET: '', HUB_CONFIG: path.join(configDir, 'hub.yaml') });
  secret = readFileSync(path.join(platform.dataDir, 'auth-secret'), 'utf8').trim();
  graphqlUrl = `${platform.url}/graphql`;
  clients = sdkClients(graphqlUrl, secret, { webSocketImpl: WebSocket });
  seeded = await seedDemo(clients, () => undefined);
});
afterAll(async () => {
  await platform?.stop();
  rmSync(configDir, { recursive: true, force: true });
});

describe('the user journeys through the typed SDK', () => {
  it('seeds the demo campaign and runs a new player through create, level up, armour, portrait and images', async () => {
    expect(seeded.characterIds).toHaveLength(DEMO_CHARACTERS.length);
    const player = clients('sdk-player');
    const created = await player.request(CreateCharacterDocument, {
      input: {
        name: 'Orsa Flintmere',
        race: 'HUMAN',
        class: 'FIGHTER',
        abilityScores: { strength: 15, dexterity: 14, constitution: 13, intelligence: 10, wisdom: 12, charisma: 8 },
      },
    });
    const character = dataOf(created, 'createCharacter').createCharacter.character;
    // Human: +1 to every ability; unarmoured AC 10 + DEX 15 (+2).
    expect(character).toMatchObject({ level: 1, armorClass: 12, version: 1 });

    // The request id the SDK surfaces is the one the gateway tracked the request under (support looks it up there).
    const operator = await signUserToken('ops', secret, '5m', [OPERATOR_ROLE]);
    const tracked = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
      body: JSON.stringify({ query: 'query($id: ID!) { hub { request(id: $id) { operationName userId } } }', variables: { id: created.requestId } }),
    });
    expect(((await tracked.json()) as { data: unknown }).data).toEqual({ hub: { request: { operationName: 'CreateCharacter', userId: 'sdk-player' } } });

    const levelled = dataOf(await player.request(LevelUpDocument, { input: { characterId: character.id, amount: 300, reason: 'goblins' } }), 'awardExperience');
    expect(levelled.awardExperience).toMatchObject({ previousLevel: 1, leveledUp: true, character: { level: 2, experience: 300 } });

    const inventory = dataOf(await player.request(CharacterInventoryDocument, { id: character.id }), 'character').character;
    const armour = [
      { name: 'Chain mail', armor: 'CHAIN_MAIL' as const, equipped: true },
      { name: 'Shield', armor: 'SHIELD' as const, equipped: true },
      { name: 'Longsword', weapon: 'LONGSWORD' as const, equipped: true },
    ];
    const equipped = await player.request(EquipArmourDocument, { input: { id: character.id, expectedVersion: inventory?.version ?? 0, inventory: armour } });
    // Chain mail 16 + shield 2, DEX ignored in heavy armour.
    expect(dataOf(equipped, 'updateCharacter').updateCharacter.character).toMatchObject({
      armorClass: 18,
      equippedArmor: { armor: 'CHAIN_MAIL', category: 'HEAVY' },
    });
    // The version read before is stale now: a typed CONFLICT, not an exception.
    const stale = await player.request(EquipArmourDocument, { input: { id: character.id, expectedVersion: inventory?.version ?? 0, inventory: [] } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const portrait = dataOf(await player.request(GeneratePortraitDocument, { input: { characterId: character.id } }), 'generatePortrait').generatePortrait;
    expect(portrait.image).toMatchObject({ width: 512, height: 512, mimeType: 'image/png', provider: 'local' });
    const images = dataOf(await player.request(BrowseImagesDocument, { first: 50, filter: { kind: 'PORTRAIT', ownerId: 'sdk-player' } }), 'images').images;
    expect(images.edges.map((edge) => edge.node.id)).toEqual([portrait.image.id]);

    const sheet = await exportCharacter(player, character.id, 'md', platform.url);
    expect(sheet.ok && sheet.data).toContain('# Orsa Flintmere');
    expect(sheet.ok && sheet.data).toMatch(/\| 18 \| \d+\/\d+ \| 30 ft \|/);
    // STR 16 (+3) and proficiency +2: the longsword hits at +5 for 1d8+3; two level-2 hit dice unspent.
    expect(sheet.ok && sheet.data).toContain('| Longsword | +5 | 1d8+3 slashing');
    expect(sheet.ok && sheet.data).toContain('Hit dice: 2/2 d10');
    expect(sheet.ok && sheet.data).toContain('Conditions: none');
    const json = await exportCharacter(player, character.id, 'json', platform.url);
    expect(json.ok && JSON.parse(json.data)).toMatchObject({ name: 'Orsa Flintmere', level: 2, armorClass: 18, portrait: { url: portrait.image.url } });

    // Export to Foundry: the actor JSON the script prints, imported back as a new character of the player's.
    const foundry = await exportCharacter(player, character.id, 'foundry', platform.url);
    const actor = foundry.ok ? (JSON.parse(foundry.data) as { type: string; system: { attributes: { ac: { flat: number } } } }) : null;
    expect(actor).toMatchObject({ type: 'character', name: 'Orsa Flintmere', system: { attributes: { ac: { flat: 18 } } } });
    const imported = dataOf(await player.request(ImportFoundryActorDocument, { input: { actor } }), 'importFoundryActor').importFoundryActor;
    expect(imported.character).toMatchObject({ name: 'Orsa Flintmere', level: 2 });
    expect(imported.character.id).not.toBe(character.id);
  });

  it.each(['sse', 'ws'] as const)('streams a backstory over %s as it is written, and stores it', async (transport) => {
    const owner = DEMO_CHARACTERS[0]?.player ?? '';
    const characterId = seeded.characterIds[0] ?? '';
    const written: string[] = [];
    const result = await streamBackstory(clients(owner), characterId, { out: { write: (text: string) => written.push(text) }, transport, save: true });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ provider: 'local', savedVersion: expect.any(Number) });
    // Written as it arrived: many chunks, together the generation's text, then the summary.
    expect(written.length).toBeGreaterThan(5);
    expect(written.join('')).toContain(result.data.text);
    expect(written.at(-1)).toMatch(/saved as the backstory \(version \d+\)/);
    const stored = dataOf(await clients('demo-dm').request(CharacterSheetDocument, { id: characterId }), 'character').character;
    expect(stored).toMatchObject({ backstory: result.data.text, version: result.data.savedVersion });
  });
});

describe("frontend-sdk/README.md's examples", () => {
  it('run as they are against the platform (frontend-sdk/examples, which the README quotes)', async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
    const env = { TOKEN: process.env.TOKEN, DND_GRAPHQL_URL: process.env.DND_GRAPHQL_URL };
    process.env.TOKEN = await signUserToken('example-author', secret);
    process.env.DND_GRAPHQL_URL = graphqlUrl;
    try {
      // Each example is a script: importing it runs it once.
      await import('../frontend-sdk/examples/list-characters.js');
      await import('../frontend-sdk/examples/new-character.js');
      await import('../frontend-sdk/examples/stream-backstory.js');
    } finally {
      log.mockRestore();
      write.mockRestore();
      Object.assign(process.env, env);
      for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
    }
    const output = printed.join('\n');
    expect(output).toContain('Brakka Stonehew: level 2 fighter');
    expect(output).toMatch(/created Wren Hollowell: AC 13/);
    expect(output).toContain('level 1 -> 3');
    expect(output).toMatch(/in studded_leather: AC 15/);
    expect(output).toMatch(/portrait 512x512 by local: \/images\//);
    expect(output).toMatch(/\[COMPLETED: \d+ tokens from local\]/);
    expect(process.exitCode ?? 0).toBe(0);
  });
});

describe("the SDK's typed errors from the real gateway", () => {
  it('returns UNAUTHENTICATED for an expired token over HTTP, SSE and WebSocket', async () => {
    const expired = await signUserToken('demo-dm', secret, '-1m');
    const client = createDndClient({ url: graphqlUrl, token: expired, webSocketImpl: WebSocket });
    const input = { kind: 'BACKSTORY' as const, context: { characterName: 'Nobody' } };
    expect(await client.request(BrowseImagesDocument, {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', status: 401, message: 'token has expired' },
    });
    for (const transport of ['sse', 'ws'] as const) {
      const events = [];
      for await (const event of client.subscribe(StreamBackstoryDocument, { input }, { transport })) events.push(event);
      expect(events, transport).toMatchObject([{ ok: false, error: { code: 'UNAUTHENTICATED', message: 'token has expired' } }]);
    }
    await client.dispose();
  });

  it('returns NETWORK_ERROR for a gateway that is not there and BAD_RESPONSE for a path that is not GraphQL', async () => {
    const token = await signUserToken('demo-dm', secret);
    // Port 9 (discard): nothing listens there.
    expect(await createDndClient({ url: 'http://127.0.0.1:9/graphql', token }).request(BrowseImagesDocument, {})).toMatchObject({
      ok: false,
      error: { code: 'NETWORK_ERROR' },
    });
    expect(await createDndClient({ url: `${platform.url}/health`, token }).request(BrowseImagesDocument, {})).toMatchObject({
      ok: false,
      error: { code: 'BAD_RESPONSE' },
    });
  });

  it("returns RATE_LIMITED with the llm's retryAfter, and waits it out when allowed to", async () => {
    const limited = clients('limited-user');
    const input = { kind: 'FREEFORM' as const, prompt: 'A tavern sign.' };
    for (let call = 0; call < PER_CALLER_RPM; call++) dataOf(await limited.request(GenerateTextDocument, { input }), `generateText ${call}`);
    // A wait longer than maxWaitMs: the refusal comes back at once, typed, with the server's retryAfter.
    const refused = await limited.request(GenerateTextDocument, { input }, { rateLimit: { maxWaitMs: 0 } });
    expect(refused).toMatchObject({ ok: false, attempts: 1, error: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) } });
    // Allowed to wait: the SDK starts waiting the retryAfter the gateway named (the test stops it rather than wait a minute).
    const controller = new AbortController();
    const waits: number[] = [];
    const waited = await limited.request(
      GenerateTextDocument,
      { input },
      { signal: controller.signal, rateLimit: { onRetry: (wait) => (waits.push(wait.waitMs), controller.abort()) } },
    );
    expect(waited).toMatchObject({ ok: false, attempts: 1, error: { code: 'ABORTED' } });
    expect(waits[0]).toBeGreaterThanOrEqual(1_000);
    // Subscriptions are refused the same way, as their first and last result.
    const events = [];
    for await (const event of limited.subscribe(StreamBackstoryDocument, { input: { ...input, kind: 'BACKSTORY' } }, { rateLimit: { maxWaitMs: 0 } }))
      events.push(event);
    expect(events).toMatchObject([{ ok: false, error: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) } }]);
  });
});

describe.skipIf(BROWSER_MISSING)(`in Chromium${BROWSER_MISSING ? ` (${BROWSER_MISSING})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    // --no-sandbox: Chromium's sandbox refuses to start as root, which CI runs as.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => browser?.close());

  it('the playground opens signed in with the journeys as tabs and runs an example, keeping a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The result pane is an editor: it draws spaces as no-break spaces.
    const resultText = async () => (await page.locator('.result-window').innerText()).replace(/\u00a0/g, ' ');
    await page.goto(graphqlUrl);
    await page.locator('.graphiql-tab-button', { hasText: 'CreateCharacter' }).waitFor();
    expect(await page.locator('.graphiql-tab-button').allInnerTexts()).toEqual(
      expect.arrayContaining(['PartyOverview', 'CreateCharacter', 'LevelUp', 'InvitePlayer', 'BrowseImages']),
    );

    // The first tab: the seeded party across four subgraphs. The tabs slide in with a transform, so they are
    // clicked by event rather than by screen position.
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(resultText, { timeout: 20_000 }).toContain('"name": "Embers of the Ashen Vale"');

    // A journey tab as shipped: its file and example variables, the operation picked from the run menu.
    await page.locator('.graphiql-tab-button', { hasText: 'CreateCharacter' }).dispatchEvent('click');
    // The switch renders on a later frame: run too early and the overview runs again, with no menu to pick from
    // (seen on a loaded CI machine).
    await page.locator('.graphiql-tab.graphiql-tab-active', { hasText: 'CreateCharacter' }).waitFor();
    await expect.poll(async () => page.locator('.graphiql-query-editor').innerText(), { timeout: 20_000 }).toContain('CreateCharacter');
    await page.locator('.graphiql-execute-button').click();
    await page.getByRole('menuitem', { name: 'CreateCharacter' }).click();
    await expect.poll(resultText, { timeout: 20_000 }).toContain('"name": "Kettra Ashvale"');
    const result = await resultText();
    // Half-elf paladin in chain mail with a shield: AC 18, computed by the character service.
    expect(result).toMatch(/"armorClass": 18/);
    await page.getByText('Variables', { exact: true }).click();
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it("loads GraphiQL's hashed assets (Monaco's workers too) once: a repeat visit stays within the budget", async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    const workers: string[] = [];
    first.on('worker', (worker) => workers.push(worker.url()));
    const firstVisit = await networkTransfers(first);
    await first.goto(graphqlUrl);
    await first.locator('.graphiql-tab-button', { hasText: 'CreateCharacter' }).waitFor();
    const assets = firstVisit.filter((t) => t.url.startsWith(`${platform.url}/playground/assets/`)).map((t) => /\.(?:js|css|ico)$/.exec(t.url)?.[0]);
    expect(assets).toEqual(expect.arrayContaining(['.js', '.css']));
    // The editors start their language workers from the gateway's assets, not from blobs of inlined text.
    await expect.poll(() => workers.filter((url) => url.includes('/playground/assets/')).length, { timeout: 20_000 }).toBeGreaterThan(0);

    // Same browser, new tab: the page revalidated, the assets from the cache. GraphiQL's own API calls (the schema's
    // introspection) are data, not the page, and are left out of the count.
    const repeat = await context.newPage();
    const repeatVisit = await networkTransfers(repeat);
    await repeat.goto(graphqlUrl);
    await repeat.locator('.graphiql-tab-button', { hasText: 'CreateCharacter' }).waitFor();
    console.info(`playground in Chromium: page bytes ${pageBytes(firstVisit)} on a first visit, ${pageBytes(repeatVisit)} on a repeat visit`);
    // Ten budgets: the first visit did fetch GraphiQL's megabytes, so the repeat visit's saving is real.
    expect(pageBytes(firstVisit)).toBeGreaterThan(REPEAT_VISIT_BUDGET * 10);
    expect(pageBytes(repeatVisit)).toBeLessThan(REPEAT_VISIT_BUDGET);
    await context.close();
  });

  it("the SDK runs in a page as it is, with the browser's own fetch and WebSocket", async () => {
    // The SDK bundled for browsers as a frontend's bundler would (no Node built-in may be needed), loaded into a page
    // of the gateway's origin.
    const bundle = await build({
      entryPoints: [path.join(repoRoot, 'frontend-sdk/src/index.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'DndSdk',
      platform: 'browser',
      write: false,
    });
    const page = await browser.newPage();
    await page.goto(`${platform.url}/health`);
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    const token = await signUserToken(DEMO_CHARACTERS[1]?.player ?? '', secret);
    const characterId = seeded.characterIds[1] ?? '';
    const outcome = await page.evaluate(
      async ({ token, characterId }) => {
        const client = DndSdk.createDndClient({ url: '/graphql', token });
        const sheet = await client.request(DndSdk.CharacterSheetDocument, { id: characterId });
        const input = { kind: 'BACKSTORY' as const, context: { characterId, characterName: 'Ilyra' } };
        const streamed: Record<string, string[]> = { sse: [], ws: [] };
        for (const transport of ['sse', 'ws'] as const) {
          for await (const event of client.subscribe(DndSdk.StreamBackstoryDocument, { input }, { transport })) {
            streamed[transport]?.push(event.ok ? event.data.textGeneration.type : `error ${event.error.code}`);
          }
        }
        await client.dispose();
        const anonymous = await DndSdk.createDndClient({ url: '/graphql', token: 'not-a-jwt' }).request(DndSdk.CharacterSheetDocument, { id: characterId });
        return {
          name: sheet.ok ? sheet.data.character?.name : sheet.error.code,
          requestId: sheet.requestId,
          streamed,
          anonymous: anonymous.ok ? 'ok' : anonymous.error.code,
        };
      },
      { token, characterId },
    );
    expect(outcome).toMatchObject({ name: 'Ilyra Moonwhisper', anonymous: 'UNAUTHENTICATED' });
    expect(outcome.requestId).toMatch(/^[0-9a-f-]{36}$/);
    for (const transport of ['sse', 'ws'] as const) {
      const types = outcome.streamed[transport] ?? [];
      expect(types[0], transport).toBe('STARTED');
      expect(types.at(-1), transport).toBe('COMPLETED');
      expect(types.filter((type) => type === 'DELTA').length, transport).toBeGreaterThan(3);
    }
  });
});
