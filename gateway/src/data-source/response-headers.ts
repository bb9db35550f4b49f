import type { IncomingHttpHeaders } from 'node:http';
import type { FetcherHeaders } from '@apollo/utils.fetcher';

const joined = (value: string | string[]): string => (Array.isArray(value) ? value.join(', ') : value);

/**
 * A subgraph response's headers as the Fetcher interface wants them, read straight from the object undici parsed.
 * A WHATWG Headers built per response (name validation, a guard and a sort per call) cost more than the one
 * content-type lookup the data source makes; @apollo/gateway itself never reads a subgraph's headers. Names are
 * lower case (undici gives them so); a repeated header reads as its values joined by ", ", as in Headers.
 */
export class ResponseHeaders implements FetcherHeaders {
  /** Copied from the raw object only once something changes or iterates. */
  private copy: Map<string, string> | undefined;

  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    if (this.copy) return this.copy.get(name.toLowerCase()) ?? null;
    const value = this.raw[name.toLowerCase()];
    return value === undefined ? null : joined(value);
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  set(name: string, value: string): void {
    this.map().set(name.toLowerCase(), value);
  }

  append(name: string, value: string): void {
    const current = this.get(name);
    this.map().set(name.toLowerCase(), current === null ? value : `${current}, ${value}`);
  }

  delete(name: string): void {
    this.map().delete(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string]> {
    // In name order, as Headers iterates.
    return [...this.map()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[Symbol.iterator]();
  }

  keys(): IterableIterator<string> {
    return [...this.entries()].map(([name]) => name)[Symbol.iterator]();
  }

  values(): IterableIterator<string> {
    return [...this.entries()].map(([, value]) => value)[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  private map(): Map<string, string> {
    if (!this.copy) {
      this.copy = new Map();
      for (const name of Object.keys(this.raw)) {
        const value = this.raw[name];
        if (value !== undefined) this.copy.set(name, joined(value));
      }
    }
    return this.copy;
  }
}
