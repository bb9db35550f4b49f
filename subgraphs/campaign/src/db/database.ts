import type { AppDatabase } from '#lib/db/index.js';
import type { CampaignSchema } from './schema.js';

/** The campaign service's drizzle handle (PGlite or node-postgres). */
export type CampaignDatabase = AppDatabase<CampaignSchema>;
