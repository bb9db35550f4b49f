/**
 * The shared counters (Redis) could not be reached, so the call is refused rather than let through uncounted.
 *
 * Why fail closed instead of falling back to in-process counters (rate-limiter-flexible's insuranceLimiter): with
 * the fallback, every llm instance would count alone while Redis is down, silently multiplying each limit by the
 * number of instances, which is precisely the failure the shared counters exist to prevent (provider accounts
 * overspent, one caller taking everyone's budget). A Redis outage is an operational incident that should be loud
 * and short; answering SERVICE_UNAVAILABLE makes it so. Without REDIS_URL the counters are in process and this is
 * never thrown.
 */
export class LimitsUnavailable extends Error {
  /** The GraphQL extensions.code the API answers with. */
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor(cause: unknown) {
    // The message names no host or URL: it reaches clients.
    super('rate limit counters are unavailable', { cause });
    this.name = 'LimitsUnavailable';
  }
}
