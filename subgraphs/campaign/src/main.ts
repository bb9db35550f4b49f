import { loadAuthSecret } from '#lib/auth/index.js';
import { openDatabase } from '#lib/db/index.js';
import { runSubgraph, startObservability } from '#lib/subgraph/index.js';
import { startInDoubtResolver } from '#lib/transactions/index.js';
import { schema } from './db/schema.js';
import { campaignParticipant } from './transactions/participant.js';
import { CAMPAIGN_MIGRATIONS, createCampaignSubgraph } from './subgraph.js';

const observability = startObservability('campaign');
const { secret } = loadAuthSecret();
const database = await openDatabase({ service: 'campaign', schema, migrationsFolder: CAMPAIGN_MIGRATIONS });
const server = createCampaignSubgraph({ database, secret });
// Settles branches the hub prepared here and never finished (lib/transactions/resolve-in-doubt.ts).
const inDoubt = startInDoubtResolver(database.db, campaignParticipant, 'campaign', secret);
await runSubgraph('campaign', server, async () => {
  await inDoubt.stop();
  await database.close();
  await observability.tracing.shutdown();
});
