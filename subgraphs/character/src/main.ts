import { loadAuthSecret } from '../../../lib/auth/index.js';
import { openDatabase } from '../../../lib/db/index.js';
import { registerCounter, runSubgraph } from '../../../lib/subgraph/index.js';
import { schema } from './db/schema.js';
import { CHARACTER_MIGRATIONS, createCharacterSubgraph } from './subgraph.js';

const { secret } = loadAuthSecret();
const database = await openDatabase({ service: 'character', schema, migrationsFolder: CHARACTER_MIGRATIONS });
registerCounter('db_statements_total', () => database.stats.statements);
await runSubgraph('character', createCharacterSubgraph({ database, secret }), database.close);
