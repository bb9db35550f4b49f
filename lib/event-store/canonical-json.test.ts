import { describe, expect, it } from 'vitest';
import { canonicalJson, toJsonValue } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes the text', () => {
    const a = canonicalJson({ b: 1, a: { z: [3, { y: true, x: null }], c: 'é' } });
    const b = canonicalJson({ a: { c: 'é', z: [3, { x: null, y: true }] }, b: 1 });
    expect(a).toBe('{"a":{"c":"é","z":[3,{"x":null,"y":true}]},"b":1}');
    expect(b).toBe(a);
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ b: 1, B: 2, '10': 3, '9': 4, é: 5 })).toBe('{"10":3,"9":4,"B":2,"b":1,"é":5}');
  });

  it('drops undefined members, writes undefined array items as null and applies toJSON, like JSON.stringify', () => {
    const when = new Date('2026-01-02T03:04:05.000Z');
    expect(canonicalJson({ gone: undefined, list: [undefined, 1], when })).toBe('{"list":[null,1],"when":"2026-01-02T03:04:05.000Z"}');
  });

  it('refuses values JSON cannot carry faithfully instead of altering them', () => {
    expect(() => canonicalJson({ hp: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ xp: Infinity })).toThrow(/Infinity/);
    expect(() => canonicalJson({ id: 10n })).toThrow(/bigint/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });

  it('keeps a shared (non-circular) object that appears twice', () => {
    const shared = { d: 6 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"d":6},"b":{"d":6}}');
  });

  it('toJsonValue gives back plain data', () => {
    expect(toJsonValue({ when: new Date(0), skip: undefined, n: -0 })).toEqual({ when: '1970-01-01T00:00:00.000Z', n: 0 });
  });
});
