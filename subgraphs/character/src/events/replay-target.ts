import type { ReplayTarget } from '#lib/event-store/index.js';
import { schema } from '../db/schema.js';
import { CHARACTER_MIGRATIONS } from '../subgraph.js';
import { characterProjection } from './projection.js';

/** What `npm run replay -- character` rebuilds: the characters table from the character streams. */
export const replayTarget: ReplayTarget<typeof schema> = { schema, migrationsFolder: CHARACTER_MIGRATIONS, projection: characterProjection };
