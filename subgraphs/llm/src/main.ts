import { loadAuthSecret } from '../../../lib/auth/index.js';
import { loadHubConfig } from '../../../lib/config/hub-config.js';
import { openDatabase } from '../../../lib/db/index.js';
import { registerCounter, runSubgraph } from '../../../lib/subgraph/index.js';
import { schema } from './db/schema.js';
import { createProviderRegistry } from './providers/registry.js';
import { createLlmSubgraph, LLM_MIGRATIONS_FOLDER } from './subgraph.js';

const { secret } = loadAuthSecret();
const providers = createProviderRegistry(loadHubConfig().llm_service.providers);
const database = await openDatabase({ service: 'llm', schema, migrationsFolder: LLM_MIGRATIONS_FOLDER });
registerCounter('db_statements_total', () => database.stats.statements);
await runSubgraph('llm', createLlmSubgraph({ database, secret, providers }), () => database.close());
