import { parseArgs } from 'node:util';
import { BACKUP_SERVICES } from '#lib/db/backup/index.js';

/** The options `npm run backup` and `npm run restore` share: a directory, --force, and services to limit it to. */
export function backupArgs(command: 'backup' | 'restore', directoryOption: 'out' | 'from'): { directory?: string; force: boolean; services: string[] } {
  const usage =
    `usage: npm run ${command} -- [--${directoryOption} <dir>] [--force] [service ...]` + `   (services: ${BACKUP_SERVICES.join(', ')}; default all)`;
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { [directoryOption]: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (parsed.values.help) {
    console.log(usage);
    process.exit(0);
  }
  const unknown = parsed.positionals.filter((name) => !(BACKUP_SERVICES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    console.error(`unknown service ${unknown.join(', ')}\n${usage}`);
    process.exit(2);
  }
  const directory = parsed.values[directoryOption];
  return {
    directory: typeof directory === 'string' ? directory : undefined,
    force: parsed.values.force === true,
    services: parsed.positionals.length > 0 ? parsed.positionals : [...BACKUP_SERVICES],
  };
}
