import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '#lib/config/paths.js';
import { composeFromConfig, supergraphFileText } from '../gateway/src/compose-supergraph.js';

const run = promisify(execFile);
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Writes a rover config and one schema file per subgraph into a fresh temp dir; returns the config path. */
function writeSubgraphSet(schemas: Record<string, string | null>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'compose-'));
  tempDirs.push(dir);
  let yaml = 'federation_version: =2.9.0\nsubgraphs:\n';
  let port = 5001;
  for (const [name, sdl] of Object.entries(schemas)) {
    yaml += `  ${name}:\n    routing_url: http://127.0.0.1:${port++}/graphql\n    schema:\n      file: ./${name}.graphql\n`;
    if (sdl !== null) writeFileSync(path.join(dir, `${name}.graphql`), sdl);
  }
  const configPath = path.join(dir, 'supergraph.yaml');
  writeFileSync(configPath, yaml);
  return configPath;
}

// Two subgraphs both resolving Query.spell without @shareable: a composition error that must name both.
const brokenSet = {
  grimoire: `${LINK}\ntype Query { spell(name: String!): String }`,
  spellbook: `${LINK}\ntype Query { spell(name: String!): String }`,
};

describe('npm run compose', () => {
  it('fails when the committed supergraph.graphql is stale', () => {
    const outcome = composeFromConfig(path.join(repoRoot, 'supergraph.yaml'));
    if ('errors' in outcome) throw new Error(`the subgraphs do not compose:\n${outcome.errors.join('\n')}`);
    const committedPath = path.join(repoRoot, 'gateway', 'supergraph.graphql');
    const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : '';
    expect(committed, 'gateway/supergraph.graphql is stale: run `npm run compose` and commit the result').toBe(supergraphFileText(outcome.supergraphSdl));
  });

  it('reports a field two subgraphs both define without @shareable, naming both subgraphs', () => {
    const outcome = composeFromConfig(writeSubgraphSet(brokenSet));
    expect('errors' in outcome).toBe(true);
    const text = 'errors' in outcome ? outcome.errors.join('\n') : '';
    expect(text).toContain('Query.spell');
    expect(text).toContain('"grimoire"');
    expect(text).toContain('"spellbook"');
  });

  it('names the subgraph whose schema file is missing', () => {
    const outcome = composeFromConfig(writeSubgraphSet({ grimoire: brokenSet.grimoire, bestiary: null }));
    expect(outcome).toMatchObject({ errors: [expect.stringMatching(/subgraph "bestiary": schema file .*bestiary\.graphql does not exist/)] });
  });

  it('composes a valid set into a supergraph that routes each subgraph to its URL', () => {
    const outcome = composeFromConfig(
      writeSubgraphSet({
        grimoire: `${LINK}\ntype Query { spell(name: String!): Spell }\ntype Spell @key(fields: "id") { id: ID! name: String! }`,
        spellbook: `${LINK}\ntype Spell @key(fields: "id") { id: ID! level: Int! }`,
      }),
    );
    if ('errors' in outcome) throw new Error(outcome.errors.join('\n'));
    expect(outcome.supergraphSdl).toContain('GRIMOIRE @join__graph(name: "grimoire", url: "http://127.0.0.1:5001/graphql")');
    expect(outcome.supergraphSdl).toContain('SPELLBOOK @join__graph(name: "spellbook", url: "http://127.0.0.1:5002/graphql")');
  });

  it('the script exits non-zero on a broken set, printing the subgraphs it read and the errors', async () => {
    const configPath = writeSubgraphSet(brokenSet);
    const output = path.join(path.dirname(configPath), 'out.graphql');
    const failure = await run('npx', ['tsx', 'scripts/compose.ts'], {
      cwd: repoRoot,
      env: { ...process.env, SUPERGRAPH_CONFIG: configPath, SUPERGRAPH_OUTPUT: output },
    }).then(
      () => null,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(failure, 'the script should have failed').not.toBeNull();
    expect(failure?.code).not.toBe(0);
    expect(failure?.stdout).toMatch(/grimoire: .*grimoire\.graphql/);
    expect(failure?.stdout).toMatch(/spellbook: .*spellbook\.graphql/);
    expect(failure?.stderr).toMatch(/Query\.spell.*"grimoire".*"spellbook"|Query\.spell.*"spellbook".*"grimoire"/);
    expect(existsSync(output), 'nothing is written when composition fails').toBe(false);
  });
});
