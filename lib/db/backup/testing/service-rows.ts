import path from 'node:path';
import { sql } from 'drizzle-orm';
import { repoRoot } from '../../../config/paths.js';
import type { AppDatabase } from '../../open-database.js';
import { queryRows } from '../../query-rows.js';
import type { BACKUP_SERVICES } from '../database-locations.js';

type Service = (typeof BACKUP_SERVICES)[number];

/**
 * For the backup round trips: each service's real migrations (the folders its main.ts migrates), one table it
 * owns, and a row of that table as the service would store it. Only the folders are read, so lib/ depends on no
 * service's code.
 */
export const SERVICE_TABLES: Record<Service, { migrations: string; table: string; insert(label: string): ReturnType<typeof sql.raw> }> = {
  character: {
    migrations: path.join(repoRoot, 'subgraphs', 'character', 'drizzle'),
    table: 'characters',
    insert: (label) =>
      sql.raw(`INSERT INTO characters (owner, name, race, class, strength, dexterity, constitution, intelligence, wisdom, charisma,
        current_hit_points, inventory) VALUES ('player-1', '${label}', 'elf', 'wizard', 8, 14, 12, 16, 13, 10, 8, '[{"name":"spellbook"}]')`),
  },
  campaign: {
    migrations: path.join(repoRoot, 'subgraphs', 'campaign', 'drizzle'),
    table: 'campaigns',
    insert: (label) => sql.raw(`INSERT INTO campaigns (name, setting, dungeon_master_id) VALUES ('${label}', 'Oerth', 'dm-1')`),
  },
  image: {
    migrations: path.join(repoRoot, 'subgraphs', 'image', 'drizzle'),
    table: 'image_blobs',
    // Bytes, not text: a dump that mangled bytea would show here.
    insert: (label) => sql.raw(`INSERT INTO image_blobs (sha256, bytes) VALUES ('${label}', '\\x89504e470d0a1a0a00ff'::bytea)`),
  },
  llm: {
    migrations: path.join(repoRoot, 'subgraphs', 'llm', 'drizzle'),
    table: 'generations',
    insert: (label) =>
      sql.raw(`INSERT INTO generations (user_id, kind, status, context, text, provider, model, seed, max_tokens, prompt_tokens,
        completion_tokens, duration_ms) VALUES ('player-1', 'BACKSTORY', 'COMPLETED', '{"race":"elf"}', '${label}', 'local', 'local-1', 7, 256, 12, 80, 5)`),
  },
  hub: {
    migrations: path.join(repoRoot, 'gateway', 'src', 'gateway-subgraph', 'drizzle'),
    table: 'transactions',
    insert: (label) => sql.raw(`INSERT INTO transactions (id, workflow, state, deadline) VALUES (gen_random_uuid(), '${label}', 'COMMITTED', now())`),
  },
};

/** Every row of the service's table, as JSON text: compares alike on PGlite and pg (no driver type mapping). */
export async function tableRows(db: AppDatabase<Record<string, unknown>>, table: string): Promise<string[]> {
  const rows = await queryRows<{ row: string }>(db, sql.raw(`SELECT row_to_json(t)::text AS row FROM "${table}" t ORDER BY 1`));
  return rows.map((row) => row.row);
}
