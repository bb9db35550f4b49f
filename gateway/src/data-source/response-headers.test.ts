import { describe, expect, it } from 'vitest';
import { ResponseHeaders } from './response-headers.js';

describe('ResponseHeaders', () => {
  it('reads like the Headers a fetch would give: any case, repeated values joined, missing as null', () => {
    const headers = new ResponseHeaders({ 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'], 'x-empty': undefined });
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('set-cookie')).toBe('a=1, b=2');
    expect(headers.get('x-empty')).toBeNull();
    expect(headers.has('CONTENT-TYPE')).toBe(true);
    expect(headers.has('x-missing')).toBe(false);
  });

  it('changes and iterates in name order without touching the object it reads', () => {
    const raw = { 'x-b': '2', 'content-type': 'application/json' };
    const headers = new ResponseHeaders(raw);
    headers.set('X-A', '1');
    headers.append('x-b', '3');
    headers.delete('content-type');
    expect([...headers]).toEqual([
      ['x-a', '1'],
      ['x-b', '2, 3'],
    ]);
    expect([...headers.keys()]).toEqual(['x-a', 'x-b']);
    expect([...headers.values()]).toEqual(['1', '2, 3']);
    expect(headers.get('content-type')).toBeNull();
    expect(raw).toEqual({ 'x-b': '2', 'content-type': 'application/json' });
  });
});
