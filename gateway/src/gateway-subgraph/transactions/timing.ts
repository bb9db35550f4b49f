export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Resolves with the promise's value, or rejects once `ms` have passed (the call itself is not cancelled). */
export function within<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, ms));
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
