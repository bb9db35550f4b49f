import path from 'node:path';
import { dataDir } from '../../config/paths.js';
import { SERVICES } from '../../config/services.js';
import { serviceSchemaName } from '../schema-name.js';

/** Every database of the platform: the four services' and the gateway's hub (transactions, message log). */
export const BACKUP_SERVICES = [...SERVICES, 'hub'] as const;

export type DatabaseLocation = { service: string; engine: 'pglite'; directory: string } | { service: string; engine: 'postgres'; url: string; schema: string };

/**
 * Where each service keeps its data, found the way the services find it (lib/db/open-database.ts): its own schema
 * on the DATABASE_URL server, else its PGlite directory under DATA_DIR.
 */
export function platformDatabases(services: readonly string[] = BACKUP_SERVICES, url = process.env.DATABASE_URL): DatabaseLocation[] {
  return services.map((service) =>
    url ? { service, engine: 'postgres', url, schema: serviceSchemaName(service) } : { service, engine: 'pglite', directory: path.join(dataDir(), service) },
  );
}
