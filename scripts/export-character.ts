/**
 * npm run export-character -- <characterId> [--format md|json|foundry] [--user <id>]
 * Prints a character sheet as Markdown (default) or JSON, read through the gateway with the SDK's CharacterSheet
 * query, or (foundry) as a Foundry VTT dnd5e actor JSON for Foundry's "Import Data" (ExportFoundryActor: the owner's
 * or the campaign DM's only). Any signed-in user may read any sheet: the token is TOKEN's, else minted for --user
 * (default demo-dm).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { CharacterSheetDocument, ExportFoundryActorDocument, type DndClient, type Result } from '../frontend-sdk/src/index.js';
import { characterSheetMarkdown } from './character-sheet-markdown.js';
import { gatewayGraphqlUrl, scriptClient } from './sdk-clients.js';

export type SheetFormat = 'md' | 'json' | 'foundry';
const FORMATS: readonly string[] = ['md', 'json', 'foundry'];

const USAGE = 'usage: npm run export-character -- <characterId> [--format md|json|foundry] [--user <id>]';

/** The sheet as text in the format asked, or the failure (NOT_FOUND for an unknown id). */
export async function exportCharacter(client: DndClient, id: string, format: SheetFormat, gatewayOrigin: string): Promise<Result<string>> {
  if (format === 'foundry') {
    const actor = await client.request(ExportFoundryActorDocument, { characterId: id });
    return actor.ok ? { ...actor, data: `${JSON.stringify(actor.data.exportFoundryActor, null, 2)}\n` } : actor;
  }
  const result = await client.request(CharacterSheetDocument, { id });
  if (!result.ok) return result;
  const sheet = result.data.character;
  if (!sheet)
    return { ok: false, attempts: result.attempts, requestId: result.requestId, error: { code: 'NOT_FOUND', message: `no character ${id}`, errors: [] } };
  const text = format === 'json' ? `${JSON.stringify(sheet, null, 2)}\n` : characterSheetMarkdown(sheet, gatewayOrigin);
  return { ...result, data: text };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { format: { type: 'string', default: 'md' }, user: { type: 'string', default: 'demo-dm' } } });
  } catch {
    console.error(USAGE);
    process.exit(1);
  }
  const [id, ...rest] = parsed.positionals;
  const format = parsed.values.format;
  if (!id || rest.length > 0 || !FORMATS.includes(format)) {
    console.error(USAGE);
    process.exit(1);
  }
  const result = await exportCharacter(scriptClient(parsed.values.user), id, format as SheetFormat, new URL(gatewayGraphqlUrl()).origin);
  if (result.ok) process.stdout.write(result.data);
  else {
    console.error(`export failed: ${result.error.code}: ${result.error.message}${result.requestId ? ` (request ${result.requestId})` : ''}`);
    if (result.error.code === 'NETWORK_ERROR') console.error('Is the platform running (npm start)?');
    process.exit(1);
  }
}
