import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { repoRoot } from '#lib/config/paths.js';
import { TEST_SECRET } from '../../tests/helpers/subgraph-client.js';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './create-gateway.js';
import { DEFAULT_QUERY } from './graphiql.js';

const committedSupergraph = path.join(repoRoot, 'gateway', 'supergraph.graphql');
const dir = mkdtempSync(path.join(tmpdir(), 'gateway-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

describe('loadGatewayConfig', () => {
  it('reads PORT, SUPERGRAPH_PATH, hub.yaml URLs, the transaction timeout and SUBGRAPH_URL_<NAME>, the env winning over hub.yaml', () => {
    const hubYaml = path.join(dir, 'hub.yaml');
    writeFileSync(
      hubYaml,
      'message_hub:\n  transaction: { timeout: 12 }\nservices:\n  campaign: { urls: ["http://10.0.0.2:7002/graphql"] }\n  llm: { urls: ["http://10.0.0.4:7004/graphql"] }\n  weather: { urls: ["http://10.0.0.9:7009/graphql"] }\n',
    );
    vi.stubEnv('AUTH_JWT_SECRET', TEST_SECRET);
    const { port, config } = loadGatewayConfig({
      PORT: '4100',
      SUPERGRAPH_PATH: committedSupergraph,
      HUB_CONFIG: hubYaml,
      SUBGRAPH_URL_LLM: 'http://127.0.0.1:5004/graphql',
      SUBGRAPH_URL_CHARACTER: 'http://127.0.0.1:5001/graphql',
    });
    expect(port).toBe(4100);
    expect(config).toEqual({
      supergraphPath: committedSupergraph,
      secret: TEST_SECRET,
      secretEmbedded: false,
      subgraphUrls: {
        campaign: ['http://10.0.0.2:7002/graphql'],
        llm: ['http://127.0.0.1:5004/graphql'],
        character: ['http://127.0.0.1:5001/graphql'],
      },
      hubConfig: expect.objectContaining({ message_hub: expect.objectContaining({ transaction: { timeout: 12 } }) }),
      transactionTimeoutMs: 12_000,
    });
  });

  it('reads several instances from hub.yaml urls and from a comma-separated SUBGRAPH_URL_<NAME>', () => {
    const hubYaml = path.join(dir, 'instances.yaml');
    writeFileSync(hubYaml, 'services:\n  image: { urls: ["http://10.0.0.3:7003/graphql", "http://10.0.0.13:7003/graphql"] }\n');
    vi.stubEnv('AUTH_JWT_SECRET', TEST_SECRET);
    const { config } = loadGatewayConfig({
      SUPERGRAPH_PATH: committedSupergraph,
      HUB_CONFIG: hubYaml,
      SUBGRAPH_URL_CHARACTER: 'http://127.0.0.1:5001/graphql, http://127.0.0.1:5011/graphql',
    });
    expect(config.subgraphUrls).toEqual({
      image: ['http://10.0.0.3:7003/graphql', 'http://10.0.0.13:7003/graphql'],
      character: ['http://127.0.0.1:5001/graphql', 'http://127.0.0.1:5011/graphql'],
    });
    expect(() => loadGatewayConfig({ SUPERGRAPH_PATH: committedSupergraph, HUB_CONFIG: hubYaml, SUBGRAPH_URL_LLM: 'http://ok/graphql,not a url' })).toThrow(
      'SUBGRAPH_URL_LLM=not a url: not a URL',
    );
    // Parseable, but on a port Node's fetch refuses: every fetch to it would fail.
    expect(() => loadGatewayConfig({ SUPERGRAPH_PATH: committedSupergraph, HUB_CONFIG: hubYaml, SUBGRAPH_URL_LLM: 'http://127.0.0.1:6000/graphql' })).toThrow(
      'SUBGRAPH_URL_LLM=http://127.0.0.1:6000/graphql: port 6000 is blocked by fetch',
    );
  });

  it('stops on a hub.yaml with a bad key and names the key', () => {
    const hubYaml = path.join(dir, 'bad.yaml');
    writeFileSync(hubYaml, 'services:\n  character:\n    bulkhead: { max_concurrent: 8, max_queueue: 3 }\n');
    vi.stubEnv('AUTH_JWT_SECRET', TEST_SECRET);
    expect(() => loadGatewayConfig({ SUPERGRAPH_PATH: committedSupergraph, HUB_CONFIG: hubYaml })).toThrow(/services\.character\.bulkhead\.max_queueue/);
  });

  it('refuses a PORT that is not a port number', () => {
    vi.stubEnv('AUTH_JWT_SECRET', TEST_SECRET);
    expect(() => loadGatewayConfig({ PORT: 'eighty', SUPERGRAPH_PATH: committedSupergraph })).toThrow('PORT=eighty: a port is an integer between 0 and 65535');
  });

  it('refuses a PORT that fetch would refuse to call, naming the list', () => {
    vi.stubEnv('AUTH_JWT_SECRET', TEST_SECRET);
    expect(() => loadGatewayConfig({ PORT: '6000', SUPERGRAPH_PATH: committedSupergraph })).toThrow(
      "PORT=6000: port 6000 is blocked by fetch (the WHATWG fetch spec's bad-port list), so no client could call it: pick another",
    );
  });
});

describe('the committed supergraph', () => {
  it("accepts GraphiQL's example query (all four subgraphs in one request)", async () => {
    const hub = await createGateway({ supergraphPath: committedSupergraph, secret: TEST_SECRET, secretEmbedded: false });
    try {
      const schema = hub.gateway.schema;
      if (!schema) throw new Error('supergraph not loaded');
      expect(validate(schema, parse(DEFAULT_QUERY)).map((e) => e.message)).toEqual([]);
    } finally {
      await hub.close();
    }
  });
});
