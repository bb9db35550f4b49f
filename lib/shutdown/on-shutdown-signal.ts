import { stopWithParent } from '../process/stop-with-parent.js';
import { SHUTDOWN_HARD_LIMIT_MS } from './shutdown-grace.js';

/**
 * Runs `stop` once on SIGTERM, SIGINT or the launcher going away, then exits: 0 when it finished, 1 when it threw
 * or ran past the hard limit (a pool or database that would not close).
 */
export function onShutdownSignal(name: string, stop: (reason: string) => Promise<void>): void {
  let stopping = false;
  const run = (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${name}: ${reason}, draining`);
    setTimeout(() => {
      console.error(`${name}: still stopping after ${SHUTDOWN_HARD_LIMIT_MS} ms, exiting`);
      process.exit(1);
    }, SHUTDOWN_HARD_LIMIT_MS).unref();
    stop(reason).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`${name}: error while stopping:`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => run('SIGTERM'));
  process.on('SIGINT', () => run('SIGINT'));
  stopWithParent(run);
}
