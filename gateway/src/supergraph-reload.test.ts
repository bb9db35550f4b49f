/**
 * The gateway serves a new supergraph file without a restart: a request in flight finishes on the plan it had,
 * the next ones see the new schema, and a file that is not a valid supergraph is logged and ignored.
 */
import { writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { isObjectType, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FaultProxy } from './testing/fault-proxy.js';
import type { GatewayFixture } from './testing/gateway-fixture.js';
import { startGatewayBehindFaultProxy } from './testing/proxied-gateway.js';
import { GRIMOIRE_SDL, SPELLBOOK_SDL } from './testing/spell-subgraphs.js';

let fixture: GatewayFixture;
let proxy: FaultProxy;

beforeAll(async () => {
  ({ fixture, proxy } = await startGatewayBehindFaultProxy('spellbook'));
});
afterAll(async () => {
  await fixture?.close();
  await proxy?.close();
});

/** The fixture's supergraph without Spell.note: what a new composition dropping that field would write. */
function supergraphWithoutNote(): string {
  const spellbook = SPELLBOOK_SDL.replace(/\s*note: String/, '');
  const composed = composeServices([
    { name: 'grimoire', url: 'http://127.0.0.1:9/graphql', typeDefs: parse(GRIMOIRE_SDL) },
    { name: 'spellbook', url: 'http://127.0.0.1:9/graphql', typeDefs: parse(spellbook) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return composed.supergraphSdl;
}

const hasNote = () => {
  const spell = fixture.hub.gateway.schema?.getType('Spell');
  return isObjectType(spell) && 'note' in spell.getFields();
};

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('supergraph reload', () => {
  it('switches to a changed file while a request in flight completes on the old plan', async () => {
    proxy.mode = { kind: 'pass', delayMs: 600 };
    const inFlight = fixture.graphql('{ spells { name note } }');
    await until(() => proxy.requests.length > 0);
    writeFileSync(fixture.supergraphPath, supergraphWithoutNote());
    await until(() => !hasNote());
    const answer = await inFlight;
    expect(answer.body.data?.spells[0]).toEqual({ name: 'Fireball', note: 'notes on spell-1' });

    proxy.mode = { kind: 'pass' };
    const after = await fixture.graphql('{ spells { name note } }');
    expect(after.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await fixture.graphql('{ spells { name pages } }')).body.errors).toBeUndefined();
    // The service kept its state across the reload.
    expect(fixture.hub.registry.get('spellbook')!.snapshot().instances[0]!.requests).toBeGreaterThanOrEqual(2);
  });

  it('logs a file that is not a valid supergraph and keeps serving the last good one', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      writeFileSync(fixture.supergraphPath, 'type Query { broken');
      await until(() => logged.mock.calls.length > 0);
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/ignored the new supergraph\.graphql, still serving the previous supergraph/);
      expect((await fixture.graphql('{ spells { name pages } }')).body.errors).toBeUndefined();
    } finally {
      logged.mockRestore();
    }
  });
});
