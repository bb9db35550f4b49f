import { createHash } from 'node:crypto';
import * as graphiql from '@graphql-yoga/render-graphiql/graphiql';
import { compressBodies, type CompressedBodies } from './compressed-bodies.js';

/** Where GraphiQL's scripts, styles, workers and icon are served (routes/playground-assets.ts). */
export const PLAYGROUND_ASSETS_PREFIX = '/playground/assets/';

/** What render-graphiql inlines into its page, as its graphiql.js module exports it. */
export type GraphiqlParts = Pick<typeof graphiql, 'js' | 'css' | 'favicon' | 'editorWorkerService' | 'jsonWorker' | 'graphqlWorker'>;

/** One file of GraphiQL, named by its content: a name is never reused for other bytes, so browsers may keep it for good. */
export interface PlaygroundAsset {
  file: string;
  contentType: string;
  hash: string;
  bodies: Promise<CompressedBodies>;
}

/** The URLs the page loads; the worker URLs by the label Monaco asks for them with. */
export interface PlaygroundUrls {
  script: string;
  style: string;
  favicon: string;
  workers: { editorWorkerService: string; json: string; graphql: string };
}

export interface PlaygroundAssets {
  urls: PlaygroundUrls;
  /** The asset of a file name under PLAYGROUND_ASSETS_PREFIX; undefined for any other name (an old or made-up hash). */
  find(file: string): PlaygroundAsset | undefined;
}

/**
 * sha256 of the content, the first 16 hex digits: 64 bits, so that two versions of one file would share a name by
 * chance about once in 2^32 versions; the full 64 digits would only lengthen every URL.
 */
export function contentHash(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

const JS = 'text/javascript; charset=utf-8';

/** The bytes of a base64 data: URL (render-graphiql's favicon), with its media type. */
function fromDataUrl(url: string): { type: string; bytes: Buffer } {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!match) throw new Error("gateway: render-graphiql's favicon is no longer a base64 data: URL");
  return { type: match[1] ?? 'application/octet-stream', bytes: Buffer.from(match[2] ?? '', 'base64') };
}

/**
 * GraphiQL's page parts as separate files, hashed now and compressed in the background (about 0.3 s of CPU in zlib's
 * threads): an asset asked for before its compression ends waits for it, every later request reuses the bytes.
 */
export function buildPlaygroundAssets(parts: GraphiqlParts): PlaygroundAssets {
  const byFile = new Map<string, PlaygroundAsset>();
  const add = (name: string, extension: string, contentType: string, content: Buffer): string => {
    const hash = contentHash(content);
    const file = `${name}.${hash}.${extension}`;
    byFile.set(file, { file, contentType, hash, bodies: compressBodies(content) });
    return `${PLAYGROUND_ASSETS_PREFIX}${file}`;
  };
  const icon = fromDataUrl(parts.favicon);
  const urls: PlaygroundUrls = {
    script: add('graphiql', 'js', JS, Buffer.from(parts.js)),
    style: add('graphiql', 'css', 'text/css; charset=utf-8', Buffer.from(parts.css)),
    favicon: add('favicon', 'ico', icon.type, icon.bytes),
    workers: {
      editorWorkerService: add('editor.worker', 'js', JS, Buffer.from(parts.editorWorkerService)),
      json: add('json.worker', 'js', JS, Buffer.from(parts.jsonWorker)),
      graphql: add('graphql.worker', 'js', JS, Buffer.from(parts.graphqlWorker)),
    },
  };
  return { urls, find: (file) => byFile.get(file) };
}

let installed: PlaygroundAssets | undefined;

/** The installed render-graphiql's assets, built once per process: every gateway of a process serves the same bytes. */
export function playgroundAssets(): PlaygroundAssets {
  return (installed ??= buildPlaygroundAssets(graphiql));
}
