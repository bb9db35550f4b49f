/**
 * The SDK's typed documents are generated (npm run codegen) and checked in: these tests fail when they no longer
 * match frontend-sdk/operations or the API schema, and show that an operation the schema no longer accepts stops
 * codegen with its name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '#lib/config/paths.js';
import { gatewayApiSchemaSdl } from '#lib/gateway-client/api-schema.js';
import { frontendSdkTarget, SDK_GENERATED_DIR, SDK_OPERATIONS } from './codegen-target.js';

const apiSchema = gatewayApiSchemaSdl();
const scratch = mkdtempSync(path.join(tmpdir(), 'sdk-codegen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the SDK's codegen in memory (nothing written) and returns each file's text by its name. */
async function generated(documents: string, output: string): Promise<Map<string, string>> {
  const files = await generate({ cwd: repoRoot, generates: frontendSdkTarget(apiSchema, documents, output), silent: true }, false);
  return new Map(files.map((file: { filename: string; content: string }) => [path.basename(file.filename), file.content]));
}

describe('frontend-sdk generated documents', () => {
  it('match the operations and the API schema (run `npm run codegen` when this fails)', async () => {
    const files = await generated(path.join(repoRoot, SDK_OPERATIONS), path.join(scratch, 'fresh/'));
    expect([...files.keys()].sort()).toEqual(['gql.ts', 'graphql.ts', 'index.ts', 'persisted-documents.json']);
    for (const [name, content] of files) {
      const onDisk = readFileSync(path.join(repoRoot, SDK_GENERATED_DIR, name), 'utf8');
      expect(onDisk === content, `${SDK_GENERATED_DIR}${name} is stale: run npm run codegen`).toBe(true);
    }
  });

  it('refuses an operation the schema no longer accepts, naming it', async () => {
    const source = readFileSync(path.join(repoRoot, 'frontend-sdk/operations/equip-armour.graphql'), 'utf8');
    // A field renamed in the schema: the operation still asks for the old name.
    writeFileSync(path.join(scratch, 'equip-armour.graphql'), source.replace('speed', 'walkingSpeed'));
    const failure = await generated(path.join(scratch, '*.graphql'), path.join(scratch, 'broken/')).then(
      () => undefined,
      (err: unknown) => (err as Error).message,
    );
    expect(failure).toMatch(/equip-armour\.graphql:\d+:\d+: mutation EquipArmour: Cannot query field "walkingSpeed" on type "Character"/);
    expect(failure).not.toMatch(/query CharacterInventory/);
  });
});
