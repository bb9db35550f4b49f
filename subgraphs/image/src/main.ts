import { fileURLToPath } from 'node:url';
import { loadAuthSecret } from '../../../lib/auth/index.js';
import { openDatabase } from '../../../lib/db/index.js';
import { registerCounter, runSubgraph } from '../../../lib/subgraph/index.js';
import * as schema from './db/schema.js';
import { loadImageSettings } from './settings.js';
import { createImageSubgraph } from './subgraph.js';

const settings = loadImageSettings();
const { secret } = loadAuthSecret();
const database = await openDatabase({
  service: 'image',
  schema,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
});
registerCounter('db_statements_total', () => database.stats.statements);
await runSubgraph('image', createImageSubgraph({ database, secret, settings }), () => database.close());
