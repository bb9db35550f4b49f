/**
 * Canonical JSON (RFC 8785 style): object keys sorted by UTF-16 code units at every depth, no whitespace,
 * strings and numbers as ECMAScript's JSON.stringify writes them. The hash chain hashes this text, so the
 * same event always hashes the same, whatever key order its producer or jsonb (which reorders keys) used.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  const text = write(value, new Set());
  if (text === undefined) throw new TypeError('Cannot encode a top-level undefined, function or symbol as JSON');
  return text;
}

/** `value` as plain JSON data (toJSON applied, undefined dropped): exactly what a jsonb column gives back. */
export function toJsonValue(value: unknown): JsonValue {
  return JSON.parse(canonicalJson(value)) as JsonValue;
}

function write(value: unknown, ancestors: Set<object>): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // JSON.stringify would write null: silently changing an event's data is worse than refusing it.
      if (!Number.isFinite(value)) throw new TypeError(`Cannot encode ${value} as JSON`);
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('Cannot encode a bigint as JSON; store it as a string');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  const object = value as object & { toJSON?: () => unknown };
  if (typeof object.toJSON === 'function') return write(object.toJSON(), ancestors);
  if (ancestors.has(object)) throw new TypeError('Cannot encode a circular structure as JSON');
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      // As in JSON.stringify: an array keeps its length, so holes and undefined become null.
      return `[${object.map((item: unknown) => write(item, ancestors) ?? 'null').join(',')}]`;
    }
    const members: string[] = [];
    for (const key of Object.keys(object).sort()) {
      const member = write((object as Record<string, unknown>)[key], ancestors);
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}
