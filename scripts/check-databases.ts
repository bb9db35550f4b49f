/**
 * The databases `npm run check` reads: each event-sourced service's, opened once and reused by the cross-service
 * checks, and the hub's. Only this operator tool opens them side by side; the services never read each other's data.
 */
import path from 'node:path';
import { repoRoot } from '#lib/config/paths.js';
import { openDatabase, type AppDatabase, type Database } from '#lib/db/open-database.js';
import type { ReplayTarget } from '#lib/event-store/replay-target.js';
import { schema as hubSchema } from '../gateway/src/gateway-subgraph/db/schema.js';
import { REPLAY_TARGETS } from './replay-targets.js';

/** Drizzle's select().from(table) needs no schema map, so the checks query every database through one type. */
export type AnyDb = AppDatabase<Record<string, unknown>>;

export const PARTICIPANT_SERVICES = ['character', 'campaign', 'image'] as const;
export type ParticipantService = (typeof PARTICIPANT_SERVICES)[number];

export type PlatformDatabases = Record<ParticipantService | 'hub', AnyDb>;

const HUB_MIGRATIONS = path.join(repoRoot, 'gateway', 'src', 'gateway-subgraph', 'drizzle');

/** Opens databases on demand and keeps them open until closeAll: PGlite takes seconds to open a directory. */
export class DatabaseSet {
  private readonly open = new Map<string, Database<Record<string, unknown>>>();

  async service(service: string): Promise<{ database: Database<Record<string, unknown>>; replayTarget: ReplayTarget }> {
    const { replayTarget } = await REPLAY_TARGETS[service]!();
    let database = this.open.get(service);
    if (!database) {
      database = await openDatabase({ service, schema: replayTarget.schema, migrationsFolder: replayTarget.migrationsFolder });
      this.open.set(service, database);
    }
    return { database, replayTarget };
  }

  /** The three participants' databases and the hub's, for the cross-service checks. */
  async platform(): Promise<PlatformDatabases> {
    let hub = this.open.get('hub');
    if (!hub) {
      hub = await openDatabase({ service: 'hub', schema: hubSchema, migrationsFolder: HUB_MIGRATIONS });
      this.open.set('hub', hub);
    }
    const db = async (name: ParticipantService) => (await this.service(name)).database.db;
    return { character: await db('character'), campaign: await db('campaign'), image: await db('image'), hub: hub.db };
  }

  async closeAll(): Promise<void> {
    for (const database of this.open.values()) await database.close();
    this.open.clear();
  }
}
