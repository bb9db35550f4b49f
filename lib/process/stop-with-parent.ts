/**
 * A service started by the platform launcher (npm start, tests, benchmarks) has an IPC channel to it.
 * When the launcher goes away for any reason (Ctrl-C before it was ready, a crash, SIGKILL) the channel
 * closes, and the service stops too instead of living on as an orphan holding its port and database.
 */
export function stopWithParent(stop: (reason: string) => void): void {
  if (!process.send) return; // started by hand or by a supervisor: nothing to follow
  process.on('disconnect', () => stop('launcher exited'));
}
