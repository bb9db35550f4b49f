import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import type { DocumentNode } from 'graphql';
import { repoRoot } from '#lib/config/paths.js';

const PREFIX = 'sha256:';
const HEX = /^[0-9a-f]{64}$/;

/** sha256 hex of a document's normalised text: what codegen's client preset names it by (without "sha256:"). */
export function documentId(document: DocumentNode): string {
  return createHash('sha256').update(printExecutableGraphQLDocument(document)).digest('hex');
}

/**
 * The trusted documents: codegen's persisted-documents.json (`npm run codegen`, frontend-sdk/codegen-target.ts), id
 * (`sha256:<hex>` of the normalised text) to text. A document is registered when its normalised text hashes to one of
 * the ids, so the SDK's full text (printed from its own AST) is recognised as much as the id alone, and so is any
 * spelling of the same operation; the normalisation (graphql-tools' printExecutableGraphQLDocument, the one the
 * preset hashes with) sorts selections, arguments and definitions and drops formatting.
 */
export class TrustedManifest {
  private readonly byId: Map<string, string>;
  private readonly verdicts = new WeakMap<DocumentNode, boolean>();

  constructor(entries: Record<string, string>) {
    this.byId = new Map(Object.entries(entries).map(([id, text]) => [id.toLowerCase().replace(PREFIX, ''), text]));
  }

  /** Reads the manifest (relative to the repository root); `required`: a missing or bad file stops start-up. */
  static load(file: string, required: boolean): TrustedManifest {
    const resolved = path.resolve(repoRoot, file);
    try {
      const entries = JSON.parse(readFileSync(resolved, 'utf8')) as unknown;
      if (typeof entries !== 'object' || entries === null || Object.values(entries).some((text) => typeof text !== 'string'))
        throw new Error('not an object of id -> document');
      return new TrustedManifest(entries as Record<string, string>);
    } catch (error) {
      const message = `trusted documents manifest ${resolved}: ${(error as Error).message} (run npm run codegen)`;
      if (required) throw new Error(message, { cause: error });
      console.warn(`gateway: ${message}; no persisted document ids are known`);
      return new TrustedManifest({});
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The text registered under `id` (`sha256:<hex>` or the bare hex, as Apollo's persistedQuery.sha256Hash is). */
  textOf(id: string): string | undefined {
    const hex = id.toLowerCase().replace(PREFIX, '');
    return HEX.test(hex) ? this.byId.get(hex) : undefined;
  }

  registered(document: DocumentNode): boolean {
    let verdict = this.verdicts.get(document);
    if (verdict === undefined) this.verdicts.set(document, (verdict = this.byId.has(documentId(document))));
    return verdict;
  }
}
