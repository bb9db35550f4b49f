/**
 * How long a stopping process lets requests in flight finish: 8 s. Docker (`docker stop`, compose) sends SIGKILL
 * 10 s after SIGTERM, and closing pools and databases after the drain takes well under the 2 s left. A query or
 * mutation answers in milliseconds, so 8 s is ample for them; what still runs past it (a long LLM generation, up to
 * hub.yaml's request_timeout) is cut, rather than have the process killed in the middle of closing its database.
 */
export const SHUTDOWN_GRACE_MS = 8_000;

/**
 * 2 s past the grace: the process exits even if closing a pool or database hangs, still before a supervisor's
 * SIGKILL at 10 s.
 */
export const SHUTDOWN_HARD_LIMIT_MS = SHUTDOWN_GRACE_MS + 2_000;
