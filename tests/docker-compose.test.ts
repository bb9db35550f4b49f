/**
 * docker-compose.yml and the Dockerfile, checked without a Docker engine: the compose file against the Compose
 * specification and dclint's rules, and the production shape the README promises.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DCLinter } from 'dclint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '#lib/config/paths.js';
import { SERVICES } from '#lib/config/services.js';
import { bundlePath } from '../scripts/build-services.js';

const composePath = path.join(repoRoot, 'docker-compose.yml');

interface ComposeService {
  image?: string;
  build?: { context: string; target: string };
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  command?: string[];
  healthcheck?: { test: string[] };
}

// Merge keys (<<: *app) expanded, as Compose reads them.
const compose = parse(readFileSync(composePath, 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const APP_SERVICES = [...SERVICES, 'gateway'];

/** What dclint reports per file (its own .d.ts files do not resolve under NodeNext, so the shape is stated here). */
interface LintResult {
  messages: Array<{ rule: string; line: number; message: string }>;
}

/** dclint with every rule at its default level: errors are Compose specification or rule violations. */
function lint(file: string): LintResult[] {
  const linter = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] });
  return linter.lintFiles([file], false);
}

describe('docker-compose.yml', () => {
  it('validates against the Compose specification with no dclint error or warning', () => {
    const [result] = lint(composePath);
    expect(result?.messages.map((message) => `${message.line}: ${message.message} (${message.rule})`)).toEqual([]);
  });

  it('is a file dclint can fail: a depends_on condition Compose does not know is refused', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'compose-lint-'));
    try {
      const bad = path.join(dir, 'docker-compose.yml');
      writeFileSync(
        bad,
        "name: x\nservices:\n  a:\n    image: 'postgres:15'\n    depends_on:\n      b:\n        condition: service_ready\n  b:\n    image: 'postgres:15'\n",
      );
      expect(lint(bad)[0]?.messages.map((message) => message.rule)).toContain('invalid-schema');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes only the gateway port, and every dependency waits for a healthy service', () => {
    const publishing = Object.entries(services).filter(([, service]) => (service.ports ?? []).length > 0);
    expect(publishing.map(([name, service]) => [name, service.ports])).toEqual([['gateway', ['0.0.0.0:${GATEWAY_PORT:-4000}:4000']]]);
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(`${name} -> ${dependency}: ${condition}`).toBe(`${name} -> ${dependency}: service_healthy`);
        expect(services[dependency]?.healthcheck, `${dependency} needs a healthcheck`).toBeDefined();
      }
    }
    expect(Object.keys(services.gateway?.depends_on ?? {}).sort()).toEqual([...SERVICES, 'postgres'].sort());
  });

  it('runs the four subgraphs and the gateway from one image, each its bundle, checked at /health', () => {
    for (const name of APP_SERVICES) {
      const service = services[name]!;
      expect(service.image).toBe(services.gateway?.image);
      expect(service.build).toEqual({ context: '.', target: 'runtime' });
      expect(service.command?.at(-1)).toBe(path.relative(repoRoot, bundlePath(name as Parameters<typeof bundlePath>[0])));
      expect(service.healthcheck?.test.join(' ')).toMatch(/fetch\('http:\/\/127\.0\.0\.1:400\d\/health'\)/);
      expect(service.environment).toMatchObject({
        DATABASE_URL: expect.stringMatching(/^postgres:\/\/dnd:.*@postgres:5432\/dnd$/),
        REDIS_URL: 'redis://redis:6379',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
        AUTH_JWT_SECRET: expect.stringContaining('${AUTH_JWT_SECRET:?'),
      });
    }
    // The gateway routes by service name and finds each name's replicas through DNS (--scale).
    expect(services.gateway?.environment).toMatchObject({
      HUB_DISCOVERY: 'dns',
      ...Object.fromEntries(SERVICES.map((name, i) => [`SUBGRAPH_URL_${name.toUpperCase()}`, `http://${name}:${4001 + i}/graphql`])),
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

  it('builds the bundles in one stage and runs them as a non-root user with production dependencies only', () => {
    expect(dockerfile).toMatch(/^FROM \S+ AS build$/m);
    expect(dockerfile).toMatch(/^RUN npx tsx scripts\/build-services\.ts$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/\.build \.\/\.build$/m);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).not.toMatch(/^RUN .*npm (ci|install)(?!.*--omit=dev)/m);
  });
});
