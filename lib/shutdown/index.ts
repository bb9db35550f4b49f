export { HttpDrain } from './http-drain.js';
export { onShutdownSignal } from './on-shutdown-signal.js';
export { SHUTDOWN_GRACE_MS, SHUTDOWN_HARD_LIMIT_MS } from './shutdown-grace.js';
