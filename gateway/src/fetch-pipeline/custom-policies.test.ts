import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { MemoryNonceStore } from '#lib/auth/index.js';
import { GatewayIdentities } from '../identity/gateway-identities.js';
import { ResilientService } from '../resilience/resilient-service.js';
import { resolveServicePolicy } from '../resilience/service-policy.js';
import { loadCustomPolicies } from './custom-policies.js';
import { buildPipeline } from './pipeline.js';
import { fakeFetch, scriptedFetcher } from './testing.js';

const moduleDir = mkdtempSync(path.join(tmpdir(), 'custom-policy-'));
// A user's module: it stamps each attempt with a header naming the instance, just outside `sign`.
writeFileSync(
  path.join(moduleDir, 'stamp.mjs'),
  "export default ({ service, options }) => (next) => (fetch) => next({ ...fetch, headers: { ...fetch.headers, 'x-stamp': `${options.tag}:${service}:${fetch.url}` } });\n",
);

describe('custom policies from hub.yaml', () => {
  it('loads a module named in message_hub.custom_policies and runs it where `before` says, for every attempt', async () => {
    const config = parseHubConfig(`message_hub:\n  custom_policies:\n    - { module: ./stamp.mjs, before: sign, options: { tag: t1 } }\n`);
    const custom = await loadCustomPolicies(config.message_hub.custom_policies, moduleDir);
    const service = new ResilientService('spellbook', resolveServicePolicy(config, 'spellbook'), ['http://10.0.0.1/graphql']);
    const seen: Array<Record<string, string>> = [];
    const fetcher = scriptedFetcher(200);
    const pipeline = buildPipeline({
      service,
      identities: new GatewayIdentities('a-test-hub-secret-of-32-characters!!', new MemoryNonceStore(), 30_000),
      fetcher: (url, init) => (seen.push(init?.headers as Record<string, string>), fetcher(url, init)),
      defaults: { requestTimeoutMs: 30_000, priority: 'interactive' },
      custom,
    });
    await pipeline(fakeFetch());
    expect(seen[0]?.['x-stamp']).toBe('t1:spellbook:http://10.0.0.1/graphql');
  });

  it('loads the README example, and stops start-up naming the key for a module that is missing or exports no factory', async () => {
    const example = await loadCustomPolicies(
      [{ module: './gateway/examples/slow-fetch-log.mjs', options: { over_ms: 0 } }],
      path.resolve(import.meta.dirname, '../../..'),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await example[0]!.create({ service: 'spellbook' })(() => Promise.resolve({ status: 200, headers: new Headers() }))(fakeFetch({ url: 'http://x/graphql' }));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[slow-fetch\] spellbook http:\/\/x\/graphql attempt 1: \d+ ms$/));
    warn.mockRestore();
    await expect(loadCustomPolicies([{ module: './nope.mjs' }], moduleDir)).rejects.toThrow(
      /message_hub\.custom_policies\[0\]\.module \(\.\/nope\.mjs\): cannot be loaded/,
    );
    writeFileSync(path.join(moduleDir, 'empty.mjs'), 'export const x = 1;\n');
    await expect(loadCustomPolicies([{ module: './empty.mjs' }], moduleDir)).rejects.toThrow(/exports no createPolicy/);
  });
});
