import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** Who holds a PGlite data directory open, as far as this machine lets us tell. */
export interface PgliteUsage {
  /** PGlite writes postmaster.pid when it opens a directory and removes it on a clean close. */
  pidFile: boolean;
  /** Processes with a file under the directory open (Linux /proc); empty where /proc cannot be read. */
  pids: number[];
}

/**
 * A PGlite directory is one process's files: a second process opening it (to dump or replace it) would be a
 * second writer behind the first one's back. PGlite's postmaster.pid holds no real pid (always -42), so the
 * processes are found by their open files: PGlite keeps its relation and WAL files open while it runs.
 */
export function pgliteUsage(directory: string): PgliteUsage {
  const dir = path.resolve(directory);
  return { pidFile: existsSync(path.join(dir, 'postmaster.pid')), pids: processesWithFilesUnder(dir) };
}

export function describeUsage(directory: string, usage: PgliteUsage): string | undefined {
  if (usage.pids.length > 0) return `${directory} is open in process ${usage.pids.join(', ')}`;
  if (usage.pidFile) {
    return `${directory} holds a postmaster.pid: a process has it open, or the last one did not stop cleanly`;
  }
  return undefined;
}

function processesWithFilesUnder(dir: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const prefix = dir + path.sep;
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // another user's process, or one that just ended
    }
    const holds = fds.some((fd) => {
      try {
        return readlinkSync(`/proc/${entry}/fd/${fd}`).startsWith(prefix);
      } catch {
        return false;
      }
    });
    if (holds) pids.push(Number(entry));
  }
  return pids;
}
