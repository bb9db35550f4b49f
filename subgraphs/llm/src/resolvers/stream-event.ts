import type { GenerationRow } from '../db/schema.js';

/** One event of Subscription.textGeneration, as its resolvers read it. */
export interface StreamEvent {
  type: 'STARTED' | 'DELTA' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
  generationId: string;
  delta: string | null;
  sequence: number;
  generation: GenerationRow | null;
}
