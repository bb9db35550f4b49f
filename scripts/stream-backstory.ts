/**
 * npm run stream-backstory -- <characterId> [--prompt <words>] [--ws] [--no-save] [--user <id>]
 * Writes a character's backstory with the llm and shows it as it streams (Subscription.textGeneration, over SSE or
 * with --ws over WebSocket), a live status line under the text, then stores it as the character's backstory
 * (updateCharacter with the version read before: CONFLICT, nothing stored, if the sheet changed meanwhile).
 * Ctrl-C stops the stream, which cancels the generation. The user is TOKEN's, else --user, else the character's
 * owner (a token minted with the local platform's secret: only the owner may store a backstory).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import {
  BackstoryContextDocument,
  SaveBackstoryDocument,
  StreamBackstoryDocument,
  type DndClient,
  type Failure,
  type Result,
} from '../frontend-sdk/src/index.js';
import { scriptClient } from './sdk-clients.js';
import { TerminalStream, type TerminalOut } from './terminal-stream.js';

export interface StreamBackstoryOptions {
  out: TerminalOut;
  prompt?: string;
  transport?: 'sse' | 'ws';
  save: boolean;
  signal?: AbortSignal;
}

export interface BackstoryOutcome {
  generationId: string;
  text: string;
  provider: string;
  /** The character's version after the backstory was stored; absent with save off. */
  savedVersion?: number;
}

// 120 ms: the spinner moves smoothly while the first words are awaited, at a few writes a second.
const STATUS_REFRESH_MS = 120;

const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');
const fail = (code: string, message: string, requestId?: string): Failure => ({
  ok: false,
  attempts: 1,
  ...(requestId ? { requestId } : {}),
  error: { code, message, errors: [] },
});

export async function streamBackstory(client: DndClient, characterId: string, options: StreamBackstoryOptions): Promise<Result<BackstoryOutcome>> {
  const read = await client.request(BackstoryContextDocument, { id: characterId });
  if (!read.ok) return read;
  const character = read.data.character;
  if (!character) return fail('NOT_FOUND', `no character ${characterId}`, read.requestId);

  const display = new TerminalStream(options.out);
  options.out.write(`Backstory of ${character.name}, ${words(character.race)} ${words(character.class)}\n\n`);
  const started = Date.now();
  let wordCount = 0;
  let phase = 'connecting';
  const showStatus = () => display.status(`${phase} · ${wordCount} words · ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const timer = setInterval(showStatus, STATUS_REFRESH_MS);
  const input = {
    kind: 'BACKSTORY' as const,
    ...(options.prompt ? { prompt: options.prompt } : {}),
    context: {
      characterId,
      characterName: character.name,
      race: words(character.race),
      characterClass: words(character.class),
      ...(character.background ? { background: character.background } : {}),
      ...(character.alignment ? { alignment: words(character.alignment) } : {}),
      ...(character.campaign
        ? {
            campaignId: character.campaign.id,
            campaignName: character.campaign.name,
            ...(character.campaign.setting ? { setting: character.campaign.setting } : {}),
          }
        : {}),
    },
  };
  const onRetry = (wait: { waitMs: number }) => {
    phase = `rate limited, retrying in ${Math.ceil(wait.waitMs / 1000)} s`;
  };
  try {
    for await (const event of client.subscribe(
      StreamBackstoryDocument,
      { input },
      { transport: options.transport ?? 'sse', signal: options.signal, rateLimit: { onRetry } },
    )) {
      if (!event.ok) {
        display.finish(`stopped: ${event.error.code}: ${event.error.message}`);
        return event;
      }
      const { type, delta, generation, generationId } = event.data.textGeneration;
      if (type === 'STARTED') phase = `writing (${generation?.provider ?? 'llm'})`;
      if (type === 'DELTA' && delta) {
        display.text(delta);
        wordCount += delta.split(/\s+/).filter(Boolean).length;
        showStatus();
      }
      if (type === 'FAILED' || type === 'CANCELLED') {
        const error = generation?.error;
        display.finish(`generation ${type.toLowerCase()}${error ? `: ${error.code}: ${error.message}` : ''}`);
        return fail(
          error?.code ?? (type === 'CANCELLED' ? 'ABORTED' : 'SERVICE_UNAVAILABLE'),
          error?.message ?? `generation ${generationId} ${type.toLowerCase()}`,
          event.requestId,
        );
      }
      if (type === 'COMPLETED' && generation) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const usage = `${wordCount} words · ${generation.usage.totalTokens} tokens · ${generation.provider}/${generation.model} · ${seconds} s`;
        const outcome: BackstoryOutcome = { generationId, text: generation.text, provider: generation.provider };
        if (!options.save) {
          display.finish(`${usage} · not saved (--no-save)`);
          return { ...event, data: outcome };
        }
        const saved = await client.request(SaveBackstoryDocument, { id: characterId, expectedVersion: character.version, backstory: generation.text });
        if (!saved.ok) {
          display.finish(`${usage} · NOT saved: ${saved.error.code}: ${saved.error.message}`);
          return saved;
        }
        display.finish(`${usage} · saved as the backstory (version ${saved.data.updateCharacter.character.version})`);
        return { ...saved, data: { ...outcome, savedVersion: saved.data.updateCharacter.character.version } };
      }
    }
    display.finish('the stream ended before the generation did');
    return fail('STREAM_CLOSED', 'the stream ended before the generation did');
  } finally {
    clearInterval(timer);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const usage = 'usage: npm run stream-backstory -- <characterId> [--prompt <words>] [--ws] [--no-save] [--user <id>]';
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        prompt: { type: 'string' },
        ws: { type: 'boolean', default: false },
        'no-save': { type: 'boolean', default: false },
        user: { type: 'string' },
      },
    });
  } catch {
    console.error(usage);
    process.exit(1);
  }
  const [characterId, ...rest] = parsed.positionals;
  if (!characterId || rest.length > 0) {
    console.error(usage);
    process.exit(1);
  }
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const { default: WebSocket } = await import('ws');
  let user = parsed.values.user;
  if (!user && !process.env.TOKEN) {
    // Any signed-in user may read a sheet: the demo DM looks up whose character it is.
    const read = await scriptClient('demo-dm').request(BackstoryContextDocument, { id: characterId });
    user = read.ok ? read.data.character?.owner : undefined;
  }
  const client = scriptClient(user ?? 'demo-dm', { webSocketImpl: WebSocket });
  const result = await streamBackstory(client, characterId, {
    out: process.stdout,
    save: !parsed.values['no-save'],
    transport: parsed.values.ws ? 'ws' : 'sse',
    signal: controller.signal,
    ...(parsed.values.prompt ? { prompt: parsed.values.prompt } : {}),
  });
  await client.dispose();
  if (!result.ok) {
    console.error(`${result.error.code}: ${result.error.message}${result.requestId ? ` (request ${result.requestId})` : ''}`);
    if (result.error.code === 'NETWORK_ERROR') console.error('Is the platform running (npm start)?');
    process.exit(1);
  }
}
