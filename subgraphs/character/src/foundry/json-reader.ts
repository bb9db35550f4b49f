import { invalidInput } from '#lib/domain/index.js';

/**
 * Typed reads of an uploaded actor's fields: a present value of the wrong type is refused with its path
 * (BAD_USER_INPUT, rule FOUNDRY_FIELD_TYPE); an absent one reads as undefined, for the caller's default.
 */
export type Json = Record<string, unknown>;

const wrongType = (path: string, expected: string, value: unknown) =>
  invalidInput(`${path} must be ${expected}, got ${Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value}`, {
    field: path,
    rule: 'FOUNDRY_FIELD_TYPE',
  });

const absent = (value: unknown) => value === undefined || value === null;

export function object(value: unknown, path: string): Json | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(path, 'an object', value);
  return value as Json;
}

export function list(value: unknown, path: string): unknown[] | undefined {
  if (absent(value)) return undefined;
  if (!Array.isArray(value)) throw wrongType(path, 'a list', value);
  return value as unknown[];
}

export function text(value: unknown, path: string): string | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== 'string') throw wrongType(path, 'a string', value);
  return value;
}

/** A number, also from a numeric string (older Foundry exports stored some numbers as text). */
export function number(value: unknown, path: string): number | undefined {
  if (absent(value) || value === '') return undefined;
  const parsed = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isFinite(parsed)) throw wrongType(path, 'a number', value);
  return parsed;
}

/** An integer within [min, max]; outside it is refused with `rule`. */
export function integer(value: unknown, path: string, min: number, max: number, rule: string): number | undefined {
  const found = number(value, path);
  if (found === undefined) return undefined;
  if (!Number.isInteger(found) || found < min || found > max) {
    throw invalidInput(`${path} must be a whole number from ${min} to ${max}, got ${found}`, { field: path, rule });
  }
  return found;
}

export function boolean(value: unknown, path: string): boolean | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== 'boolean') throw wrongType(path, 'true or false', value);
  return value;
}
