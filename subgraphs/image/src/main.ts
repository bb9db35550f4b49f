import { fileURLToPath } from 'node:url';
import { loadAuthSecret } from '#lib/auth/index.js';
import { openDatabase } from '#lib/db/index.js';
import { runSubgraph, startObservability } from '#lib/subgraph/index.js';
import * as schema from './db/schema.js';
import { loadImageSettings } from './settings.js';
import { createImageSubgraph } from './subgraph.js';
import { startInDoubtResolver } from '#lib/transactions/index.js';
import { imageParticipant } from './transactions/store-portrait.js';

const observability = startObservability('image');
const settings = loadImageSettings();
const { secret } = loadAuthSecret();
const database = await openDatabase({
  service: 'image',
  schema,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
});
// Settles branches the hub prepared here and never finished (lib/transactions/resolve-in-doubt.ts).
const inDoubt = startInDoubtResolver(database.db, imageParticipant(settings), 'image', secret);
await runSubgraph('image', createImageSubgraph({ database, secret, settings }), async () => {
  await inDoubt.stop();
  await database.close();
  await observability.tracing.shutdown();
});
