/** Shared set-up for this subgraph's tests: a real database (PGlite or Postgres) and the subgraph over real HTTP. */
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Database } from '#lib/db/index.js';
import { openTestDatabase } from '../../../tests/helpers/test-database.js';
import { startSubgraphForTest, TEST_SECRET, type GraphQLResult, type SubgraphClient } from '../../../tests/helpers/subgraph-client.js';
import { runBranch, type ProtocolOutcome } from '../../../tests/helpers/branch-protocol.js';
import { schema, type CampaignSchema } from './db/schema.js';
import { CAMPAIGN_MIGRATIONS, createCampaignSubgraph } from './subgraph.js';

export interface Harness {
  database: Database<CampaignSchema>;
  client: SubgraphClient;
  /** Runs an operation and fails the test on any GraphQL error. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-only helper outside the test globs: tests read answers of every shape through it, as eslint.config.js allows test files
  ok<TData = Record<string, any>>(query: string, variables: Record<string, unknown>, userId: string | null): Promise<TData>;
  /** Runs an operation expected to fail; answers the first error's code. */
  errorCode(query: string, variables: Record<string, unknown>, userId: string | null): Promise<string | undefined>;
  createCampaign(dm: string, name?: string): Promise<string>;
  /** Invites `player` and has them join. */
  addPlayer(campaignId: string, dm: string, player: string): Promise<void>;
  /**
   * Brings a character into the party as the hub's joinParty does: this service's branch, prepared and committed
   * over the protocol (the character service's branch, the owner check, is covered end to end). A refused branch
   * rejects with a GraphQLError carrying the participant's code.
   */
  seedPartyCharacter(campaignId: string, ownerId: string, characterId?: string): Promise<string>;
  /** One of this service's transaction branches, prepared then committed as the hub would (answers any error code). */
  branch(operation: string, payload: unknown, actor: string | null): Promise<ProtocolOutcome>;
  close(): Promise<void>;
}

export const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) {
  createCampaign(input: $input) { campaign { id name setting description status dungeonMasterId myRole createdAt updatedAt
    members { userId role status invitedAt joinedAt } } } }`;
export const INVITE = `mutation($input: InvitePlayerInput!) { invitePlayer(input: $input) { member { userId role status joinedAt } } }`;
export const JOIN = `mutation($input: JoinCampaignInput!) { joinCampaign(input: $input) { member { userId role status joinedAt } campaign { myRole } } }`;

function describeErrors(result: GraphQLResult<unknown>): string {
  return JSON.stringify(result.errors ?? result);
}

export async function startHarness(): Promise<Harness> {
  const database = await openTestDatabase('campaign', schema, CAMPAIGN_MIGRATIONS);
  const client = await startSubgraphForTest(createCampaignSubgraph({ database, secret: TEST_SECRET }));
  const harness: Harness = {
    database,
    client,
    async ok<TData>(query: string, variables: Record<string, unknown>, userId: string | null) {
      const result = await client.request<TData>(query, variables, userId);
      if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${describeErrors(result)}`);
      return result.data;
    },
    async errorCode(query, variables, userId) {
      const result = await client.request(query, variables, userId);
      if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
      return result.errors[0]?.extensions?.code as string | undefined;
    },
    async createCampaign(dm, name = 'Lost Mine of Phandelver') {
      const data = await harness.ok<{ createCampaign: { campaign: { id: string } } }>(CREATE_CAMPAIGN, { input: { name, setting: 'Forgotten Realms' } }, dm);
      return data.createCampaign.campaign.id;
    },
    async addPlayer(campaignId, dm, player) {
      await harness.ok(INVITE, { input: { campaignId, userId: player } }, dm);
      await harness.ok(JOIN, { input: { campaignId } }, player);
    },
    async seedPartyCharacter(campaignId, ownerId, characterId = randomUUID()) {
      const outcome = await harness.branch('joinParty', { campaignId, characterId }, ownerId);
      if (outcome.errorCode)
        throw new GraphQLError(`joinParty branch failed: ${outcome.errorMessage}`, { extensions: { ...outcome.errorExtensions, code: outcome.errorCode } });
      return characterId;
    },
    branch: (operation, payload, actor) => runBranch(client, { operation, payload, actor }),
    async close() {
      await client.close();
      await database.close();
    },
  };
  return harness;
}
