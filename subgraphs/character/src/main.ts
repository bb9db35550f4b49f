import { loadAuthSecret } from '#lib/auth/index.js';
import { openDatabase } from '#lib/db/index.js';
import { runSubgraph, startObservability } from '#lib/subgraph/index.js';
import { startInDoubtResolver } from '#lib/transactions/index.js';
import { schema } from './db/schema.js';
import { characterParticipant } from './transactions/participant.js';
import { CHARACTER_MIGRATIONS, createCharacterSubgraph } from './subgraph.js';

const observability = startObservability('character');
const { secret } = loadAuthSecret();
const database = await openDatabase({ service: 'character', schema, migrationsFolder: CHARACTER_MIGRATIONS });
// Settles branches the hub prepared here and never finished (lib/transactions/resolve-in-doubt.ts).
const inDoubt = startInDoubtResolver(database.db, characterParticipant, 'character', secret);
await runSubgraph('character', createCharacterSubgraph({ database, secret }), async () => {
  await inDoubt.stop();
  await database.close();
  await observability.tracing.shutdown();
});
