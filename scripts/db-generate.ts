/**
 * `npm run db:generate -- <service>`: drizzle-kit migrations for one subgraph's drizzle schema.
 * drizzle-kit writes foreign keys as REFERENCES "public"."table": we strip the schema so that the same
 * migration runs in each service's own Postgres schema (chosen by search_path, lib/db/open-database.ts).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '#lib/config/paths.js';
import { SERVICES } from '#lib/config/services.js';

// The hub's own subgraph keeps its database beside the gateway's code.
const TARGETS: Record<string, { schema: string; out: string }> = {
  ...Object.fromEntries(SERVICES.map((service) => [service, { schema: `subgraphs/${service}/src/db/schema.ts`, out: `subgraphs/${service}/drizzle` }])),
  hub: { schema: 'gateway/src/gateway-subgraph/db/schema.ts', out: 'gateway/src/gateway-subgraph/drizzle' },
};

const requested = process.argv.slice(2);
const services = requested.length ? requested : Object.keys(TARGETS);
for (const service of services) {
  // Relative paths: drizzle-kit mangles an absolute --out once a snapshot exists.
  const target = TARGETS[service];
  if (!target) {
    console.error(`Unknown service "${service}"; one of ${Object.keys(TARGETS).join(', ')}`);
    process.exit(1);
  }
  const out = path.join(repoRoot, target.out);
  execFileSync('npx', ['drizzle-kit', 'generate', '--dialect=postgresql', `--schema=./${target.schema}`, `--out=./${target.out}`], {
    stdio: 'inherit',
    cwd: repoRoot,
  });
  for (const file of readdirSync(out).filter((f) => f.endsWith('.sql'))) {
    const full = path.join(out, file);
    const sql = readFileSync(full, 'utf8');
    const fixed = sql.replaceAll('"public".', '');
    if (fixed !== sql) writeFileSync(full, fixed);
  }
}
