/**
 * `npm run db:generate -- <service>`: drizzle-kit migrations for one subgraph's drizzle schema.
 * drizzle-kit writes foreign keys as REFERENCES "public"."table": we strip the schema so that the same
 * migration runs in each service's own Postgres schema (chosen by search_path, lib/db/open-database.ts).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/config/paths.js';
import { SERVICES } from '../lib/config/services.js';

const requested = process.argv.slice(2);
const services = requested.length ? requested : [...SERVICES];
for (const service of services) {
  if (!(SERVICES as readonly string[]).includes(service)) {
    console.error(`Unknown service "${service}"; one of ${SERVICES.join(', ')}`);
    process.exit(1);
  }
  // Relative paths: drizzle-kit mangles an absolute --out once a snapshot exists.
  const dir = path.join('subgraphs', service);
  const out = path.join(repoRoot, dir, 'drizzle');
  execFileSync(
    'npx',
    ['drizzle-kit', 'generate', '--dialect=postgresql', `--schema=./${dir}/src/db/schema.ts`, `--out=./${dir}/drizzle`],
    { stdio: 'inherit', cwd: repoRoot },
  );
  for (const file of readdirSync(out).filter((f) => f.endsWith('.sql'))) {
    const full = path.join(out, file);
    const sql = readFileSync(full, 'utf8');
    const fixed = sql.replaceAll('"public".', '');
    if (fixed !== sql) writeFileSync(full, fixed);
  }
}
