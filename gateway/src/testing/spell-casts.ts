/**
 * The grimoire's live part for the gateway's subscription tests: `castSpell` publishes a SpellCast to every
 * `spellCast` subscriber of this process. Its subscriber count is what /metrics reports (event_feed_subscribers),
 * so that a test can watch an upstream subscription come and go through real HTTP.
 */
import { AsyncQueue } from '#lib/async/async-queue.js';
import { badUserInput, unauthenticated } from '#lib/graphql/index.js';

export const SPELL_CAST_SDL = `
type SpellCast { spell: Spell! caster: String! }
type Subscription {
  """Spells cast from now on; spellId narrows to one spell (an unknown one is BAD_USER_INPUT). Signed-in users only."""
  spellCast(spellId: ID): SpellCast!
}
`;

export interface SpellCastRow {
  spell: { id: string; name: string; school: string };
  caster: string;
}

export class SpellCasts {
  private readonly listeners = new Set<{ spellId: string | undefined; queue: AsyncQueue<SpellCastRow> }>();

  get subscriberCount(): number {
    return this.listeners.size;
  }

  cast(row: SpellCastRow): void {
    for (const listener of this.listeners) {
      if (listener.spellId === undefined || listener.spellId === row.spell.id) listener.queue.push(row);
    }
  }

  subscribe(spellId: string | undefined): AsyncIterableIterator<{ spellCast: SpellCastRow }> {
    const listener = { spellId, queue: new AsyncQueue<SpellCastRow>() };
    this.listeners.add(listener);
    const stop = () => {
      this.listeners.delete(listener);
      listener.queue.end({ discard: true });
    };
    const iterator: AsyncIterableIterator<{ spellCast: SpellCastRow }> = {
      next: async () => {
        const taken = await listener.queue.take();
        return taken.done ? { done: true, value: undefined } : { done: false, value: { spellCast: taken.value } };
      },
      return: async () => {
        stop();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Ends every subscription (the subgraph is shutting down). */
  async close(): Promise<void> {
    for (const listener of [...this.listeners]) {
      this.listeners.delete(listener);
      listener.queue.end();
    }
  }
}

/** Resolvers of castSpell and spellCast over `casts`; `find` looks a spell up by id. */
export function spellCastResolvers(casts: SpellCasts, find: (spellId: string) => SpellCastRow['spell'] | undefined, userOf: (ctx: unknown) => string | null) {
  return {
    castSpell: (_: unknown, { spellId }: { spellId: string }, ctx: unknown) => {
      const caster = userOf(ctx);
      if (!caster) throw unauthenticated();
      const spell = find(spellId);
      if (!spell) throw badUserInput(`No spell ${spellId}`, { field: 'spellId' });
      const row = { spell, caster };
      casts.cast(row);
      return row;
    },
    spellCast: {
      subscribe: (_: unknown, { spellId }: { spellId?: string | null }, ctx: unknown) => {
        if (!userOf(ctx)) throw unauthenticated();
        if (spellId && !find(spellId)) throw badUserInput(`No spell ${spellId}`, { field: 'spellId' });
        return casts.subscribe(spellId ?? undefined);
      },
    },
  };
}
