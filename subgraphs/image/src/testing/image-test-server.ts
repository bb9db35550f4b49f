import { fileURLToPath } from 'node:url';
import type { Database } from '#lib/db/index.js';
import { openTestDatabase } from '../../../../tests/helpers/test-database.js';
import { startSubgraphForTest, TEST_SECRET, type GraphQLResult, type SubgraphClient } from '../../../../tests/helpers/subgraph-client.js';
import * as schema from '../db/schema.js';
import type { ImageSettings } from '../settings.js';
import { createImageSubgraph } from '../subgraph.js';

export interface ImageTestServer {
  client: SubgraphClient;
  database: Database<typeof schema>;
  /** http://127.0.0.1:<port>: where /images/<id> is served. */
  origin: string;
  /** Uploads bytes as userId and returns the GraphQL result. */
  upload(bytes: Buffer | string, options?: { kind?: string; prompt?: string; userId?: string | null }): Promise<GraphQLResult>;
  close(): Promise<void>;
}

export const UPLOAD = /* GraphQL */ `
  mutation Upload($input: UploadImageInput!) {
    uploadImage(input: $input) {
      image {
        id
        ownerId
        kind
        mimeType
        width
        height
        byteSize
        sha256
        prompt
        provider
        createdAt
        url
      }
    }
  }
`;

/** The image subgraph on a free port over a throw-away database (PGlite, or Postgres with DATABASE_URL). */
export async function startImageTestServer(settings: Partial<ImageSettings> = {}): Promise<ImageTestServer> {
  const database = await openTestDatabase('image', schema, fileURLToPath(new URL('../../drizzle', import.meta.url)));
  const client = await startSubgraphForTest(createImageSubgraph({ database, secret: TEST_SECRET, settings }));
  return {
    client,
    database,
    origin: new URL(client.url).origin,
    upload: (bytes, { kind = 'PORTRAIT', prompt, userId = 'user-1' } = {}) =>
      client.request(UPLOAD, { input: { kind, prompt, dataBase64: typeof bytes === 'string' ? bytes : bytes.toString('base64') } }, userId),
    close: async () => {
      await client.close();
      await database.close();
    },
  };
}
