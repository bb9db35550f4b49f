import type { Projection } from './projection.js';

/** What `npm run replay -- <service>` needs of a service: its drizzle schema, migrations and projection. */
export interface ReplayTarget<TSchema extends Record<string, unknown> = Record<string, unknown>> {
  schema: TSchema;
  migrationsFolder: string;
  projection: Projection<TSchema>;
}
