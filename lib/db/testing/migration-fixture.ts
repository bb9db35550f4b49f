import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A drizzle migrations folder with one migration creating `notes`: lets lib/db tests run without any service. */
export function writeMigrationFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dnd-migrations-'));
  mkdirSync(path.join(dir, 'meta'));
  writeFileSync(
    path.join(dir, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries: [{ idx: 0, version: '7', when: 1_764_000_000_000, tag: '0000_notes', breakpoints: true }] }),
  );
  writeFileSync(path.join(dir, '0000_notes.sql'), 'CREATE TABLE "notes" ("id" serial PRIMARY KEY NOT NULL, "body" text NOT NULL);');
  return dir;
}
