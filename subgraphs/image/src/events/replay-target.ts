import { fileURLToPath } from 'node:url';
import type { ReplayTarget } from '#lib/event-store/index.js';
import * as schema from '../db/schema.js';
import { projection } from './projection.js';

/** What `npm run replay -- image` rebuilds: the `images` table, from the image events. */
export const replayTarget: ReplayTarget<typeof schema> = {
  schema,
  migrationsFolder: fileURLToPath(new URL('../../drizzle', import.meta.url)),
  projection,
};
