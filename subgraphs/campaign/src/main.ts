import { loadAuthSecret } from '../../../lib/auth/index.js';
import { openDatabase } from '../../../lib/db/index.js';
import { registerCounter, runSubgraph } from '../../../lib/subgraph/index.js';
import { schema } from './db/schema.js';
import { CAMPAIGN_MIGRATIONS, createCampaignSubgraph } from './subgraph.js';

const { secret } = loadAuthSecret();
const database = await openDatabase({ service: 'campaign', schema, migrationsFolder: CAMPAIGN_MIGRATIONS });
const server = createCampaignSubgraph({ database, secret });
registerCounter('db_statements_total', () => database.stats.statements);
await runSubgraph('campaign', server, database.close);
