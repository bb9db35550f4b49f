import { stopWithParent } from '../process/stop-with-parent.js';
import { SHUTDOWN_HARD_LIMIT_MS } from './shutdown-grace.js';

export interface ShutdownHooks {
  /** Where SIGTERM and SIGINT arrive; the process itself unless a test stands in for it. */
  signals: { on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown };
  exit(code: number): void;
  /** How long `stop` may take before the process exits anyway. */
  hardLimitMs: number;
}

const processHooks: ShutdownHooks = { signals: process, exit: (code) => process.exit(code), hardLimitMs: SHUTDOWN_HARD_LIMIT_MS };

/**
 * Runs `stop` once on SIGTERM, SIGINT or the launcher going away, then exits: 0 when it finished, 1 when it threw
 * or ran past the hard limit (a pool or database that would not close). A second signal while stopping changes
 * nothing: the drain already under way is what a supervisor asked for.
 */
export function onShutdownSignal(name: string, stop: (reason: string) => Promise<void>, overrides: Partial<ShutdownHooks> = processHooks): void {
  const hooks = { ...processHooks, ...overrides };
  let stopping = false;
  const run = (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${name}: ${reason}, draining`);
    setTimeout(() => {
      console.error(`${name}: still stopping after ${hooks.hardLimitMs} ms, exiting`);
      hooks.exit(1);
    }, hooks.hardLimitMs).unref();
    stop(reason).then(
      () => hooks.exit(0),
      (err: unknown) => {
        console.error(`${name}: error while stopping:`, err);
        hooks.exit(1);
      },
    );
  };
  hooks.signals.on('SIGTERM', () => run('SIGTERM'));
  hooks.signals.on('SIGINT', () => run('SIGINT'));
  // Only the real process has a launcher to watch; a test's stand-in signals do not.
  if (hooks.signals === process) stopWithParent(run);
}
