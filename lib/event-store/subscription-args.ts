import { isUuid } from '../db/uuid.js';
import { invalidInput } from '../domain/domain-error.js';
import type { EventFilter } from './commit-order.js';
import type { EventFeed } from './event-feed.js';
import type { AcceptEvent } from './feed-subscription.js';
import type { StoredEvent } from './read-stream.js';

/** The arguments every `<entity>Events` subscription field takes. */
export interface EventSubscriptionArgs {
  streamId?: string | null | undefined;
  type?: string | null | undefined;
  afterPosition?: number | null | undefined;
}

/** What a service's events look like: streams named `<entity>-<uuid>`, and the event types it records. */
export interface EventStreamRules {
  entity: string;
  types: readonly string[];
}

export interface ParsedEventSubscription {
  filter: EventFilter;
  afterPosition: number | undefined;
}

/**
 * Checks a subscription's filters before anything is registered: a stream id of another shape or an event type
 * the service never records would match nothing for ever, which a subscriber could not tell from a quiet stream.
 */
export function parseEventSubscriptionArgs(args: EventSubscriptionArgs, rules: EventStreamRules): ParsedEventSubscription {
  const filter: EventFilter = {};
  if (args.streamId !== null && args.streamId !== undefined) {
    const prefix = `${rules.entity}-`;
    const id = args.streamId.startsWith(prefix) ? args.streamId.slice(prefix.length) : undefined;
    if (!isUuid(id)) {
      throw invalidInput(`streamId must be "${prefix}<uuid>", got ${JSON.stringify(args.streamId)}`, { field: 'streamId' });
    }
    // Stream ids are written with lower-case UUIDs (what the database generates).
    filter.streamId = `${prefix}${id.toLowerCase()}`;
  }
  if (args.type !== null && args.type !== undefined) {
    if (!rules.types.includes(args.type)) {
      throw invalidInput(`type must be one of ${rules.types.join(', ')}; got ${JSON.stringify(args.type)}`, { field: 'type' });
    }
    filter.type = args.type;
  }
  let afterPosition: number | undefined;
  if (args.afterPosition !== null && args.afterPosition !== undefined) {
    if (args.afterPosition < 0) throw invalidInput('afterPosition must be 0 or a globalPosition already received', { field: 'afterPosition' });
    afterPosition = args.afterPosition;
  }
  return { filter, afterPosition };
}

/** The entity id of a `<entity>-<uuid>` stream. */
export function entityIdOfStream(streamId: string, entity: string): string {
  return streamId.slice(entity.length + 1);
}

/** What a subscription field's `subscribe` resolver does: validate the arguments, then register with the feed. */
export function subscribeToEvents<TSchema extends Record<string, unknown>>(
  feed: EventFeed<TSchema>,
  args: EventSubscriptionArgs,
  rules: EventStreamRules,
  accept?: AcceptEvent,
): Promise<AsyncIterableIterator<StoredEvent>> {
  const { filter, afterPosition } = parseEventSubscriptionArgs(args, rules);
  return feed.subscribe({ filter, afterPosition, ...(accept ? { accept } : {}) });
}
