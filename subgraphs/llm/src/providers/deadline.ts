/**
 * One call's time limit towards a provider: aborts when nothing arrives within `timeoutMs` (restarted by touch() on
 * every chunk, so a stream that keeps talking may run longer, one that stalls does not) or when the caller's signal
 * aborts. Tells afterwards which of the two ended the call, so the error says TIMEOUT or CANCELLED.
 */
export class Deadline {
  readonly #controller = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #timedOut = false;
  readonly #onCallerAbort = () => this.#controller.abort(this.caller.reason);

  constructor(
    private readonly caller: AbortSignal,
    private readonly timeoutMs: number,
  ) {
    if (caller.aborted) this.#controller.abort(caller.reason);
    else caller.addEventListener('abort', this.#onCallerAbort, { once: true });
    this.touch();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }

  get cancelled(): boolean {
    return this.caller.aborted && !this.#timedOut;
  }

  touch(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort(new Error(`no answer within ${this.timeoutMs} ms`));
    }, this.timeoutMs);
  }

  /** Always call when the call ends: stops the timer and the listener on the caller's signal. */
  clear(): void {
    clearTimeout(this.#timer);
    this.caller.removeEventListener('abort', this.#onCallerAbort);
  }
}
