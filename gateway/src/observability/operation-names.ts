// 200 distinct names: more than the platform's clients name (the SDK's operations and the services' hub operations
// come to a few dozen), few enough that every per-operation series together stays a few thousand. Prometheus keeps
// one series per label combination for ever; a client inventing a name per request must not be able to grow that.
const MAX_OPERATION_NAMES = 200;

export const ANONYMOUS_OPERATION = 'anonymous';
export const OTHER_OPERATION = 'other';

/**
 * The operation_name label of a request: named operations by their name, the first MAX_OPERATION_NAMES names seen
 * only; every later new name is "other", and unnamed operations are "anonymous" (their text could be anything).
 */
export class OperationNames {
  private readonly seen = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_NAMES) {}

  label(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}
