import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkUrl, parsePort, portTaken } from './port-check.js';

describe('parsePort', () => {
  it('takes the fallback when unset and a valid port as given', () => {
    expect(parsePort('PORT', undefined, 4000)).toBe(4000);
    expect(parsePort('PORT', ' ', 4000)).toBe(4000);
    expect(parsePort('PORT', '4100', 4000)).toBe(4100);
    expect(parsePort('PORT', '0', 4000)).toBe(0);
  });

  it('names the variable, the value and why for a port that cannot work', () => {
    expect(() => parsePort('PORT', '70000', 4000)).toThrow('PORT=70000: a port is an integer between 0 and 65535');
    expect(() => parsePort('PORT', '4000.5', 4000)).toThrow('PORT=4000.5: a port is an integer');
    // 6000 (X11) and 6667 (IRC) are on fetch's bad-port list: undici refuses to call them.
    expect(() => parsePort('PORT', '6000', 4000)).toThrow('PORT=6000: port 6000 is blocked by fetch');
    expect(() => parsePort('CHARACTER_PORT', '6667', 4001)).toThrow('CHARACTER_PORT=6667: port 6667 is blocked by fetch');
  });
});

describe('checkUrl', () => {
  it('accepts http(s) URLs on callable ports and refuses the rest with the reason', () => {
    expect(checkUrl('HUB_URL', 'http://127.0.0.1:4000/graphql').port).toBe('4000');
    expect(() => checkUrl('HUB_URL', 'nonsense')).toThrow('HUB_URL=nonsense: not a URL');
    expect(() => checkUrl('HUB_URL', 'ftp://127.0.0.1/graphql')).toThrow('HUB_URL=ftp://127.0.0.1/graphql: must be an http:// or https:// URL');
    expect(() => checkUrl('HUB_URL', 'http://127.0.0.1:10080/graphql')).toThrow('port 10080 is blocked by fetch');
  });

  it('is the same list fetch itself enforces', async () => {
    // The fact the check stands on: undici refuses the port before any connection is tried.
    await expect(fetch('http://127.0.0.1:6000/')).rejects.toThrow();
  });
});

describe('portTaken', () => {
  let held: Server | undefined;
  afterEach(async () => new Promise<void>((resolve) => (held ? held.close(() => resolve()) : resolve())));

  it('names a port another process listens on', async () => {
    held = createServer();
    const port = await new Promise<number>((resolve) => held!.listen(0, '127.0.0.1', () => resolve((held!.address() as { port: number }).port)));
    expect(await portTaken(port)).toBe(`port ${port} is already in use by another process`);
  });

  it('passes for a free port and leaves it free', async () => {
    held = undefined;
    const probe = createServer();
    const port = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)));
    await new Promise((resolve) => probe.close(resolve));
    expect(await portTaken(port)).toBeNull();
    expect(await portTaken(port)).toBeNull();
  });
});
