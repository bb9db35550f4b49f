import { Kind, parse, type DocumentNode } from 'graphql';

/**
 * hub.yaml message_hub.root_field_timeouts: the per-attempt timeout of a fetch whose operation selects one of the
 * listed root fields, instead of its service's timeout. A service whose few slow fields wait on another service
 * (character's generateBackstory waits on the llm) then keeps a short timeout for everything else, and an instance
 * stuck on ordinary calls counts as failed in seconds rather than after the slowest field's time.
 */
export class RootFieldTimeouts {
  private readonly timeouts: ReadonlyMap<string, number>;
  /** Any listed field's name in a query's text: fetches that mention none (nearly all) are never parsed. */
  private readonly mentioned: RegExp | null;

  /** `fields`: `Mutation.generateBackstory` -> seconds. */
  constructor(fields: Readonly<Record<string, number>>) {
    this.timeouts = new Map(Object.entries(fields).map(([field, seconds]) => [field, Math.round(seconds * 1000)]));
    const names = [...new Set([...this.timeouts.keys()].map((field) => field.slice(field.indexOf('.') + 1)))];
    this.mentioned = names.length > 0 ? new RegExp(`\\b(?:${names.join('|')})\\b`) : null;
  }

  /** The longest timeout among the operation's root fields that are listed; undefined when none is. */
  timeoutMsFor(query: string, document?: DocumentNode): number | undefined {
    if (!this.mentioned?.test(query)) return undefined;
    let parsed = document;
    try {
      parsed ??= parse(query);
    } catch {
      // Not ours to refuse: the subgraph answers a query it cannot parse with the proper error.
      return undefined;
    }
    let longest: number | undefined;
    for (const definition of parsed.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation === 'subscription') continue;
      const root = definition.operation === 'mutation' ? 'Mutation' : 'Query';
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const ms = this.timeouts.get(`${root}.${selection.name.value}`);
        if (ms !== undefined && (longest === undefined || ms > longest)) longest = ms;
      }
    }
    return longest;
  }
}
