/**
 * bench/transactions: what the hub's two-phase commit costs. Latency of setCharacterPortrait (image and character
 * in one hub transaction: two prepares, one durable decision, two commits) against the same two writes without
 * the coordinator: uploadImage, then updateCharacter(portraitImageId), one after the other. Both run in the same
 * run, interleaved, on the real platform (five processes on free ports), timed at the client through the gateway.
 * On PGlite always; with DATABASE_URL on that PostgreSQL server too (a fresh schema set, dropped afterwards). It ends
 * with one line per database: the p50 ratio, the figure issue 16 holds to ≤ 1.3x (p50, because p99 of 200 samples
 * on two cores shared with other benches is one stray pause, not the protocol).
 *
 * What each cut bought, p50 ratio on PGlite / PostgreSQL, each pair measured in one run of 200 (±0.1x run to run):
 * - before: 1.32x / 1.80x (1.62x on PGlite in a busier run): 11 hub statements, prepares and commits one by one.
 * - fewer statements, 1.32x / 1.80x -> 1.30x / 1.38x: the hub's log in 3 instead of 11 (the transaction with its
 *   branches, the prepares with the decision, the acknowledgements with the end), its first write sent with the
 *   prepares, a participant's commit in 1 instead of 3 (mark, lock, release), a prepare that answers nothing
 *   without its second write. On PostgreSQL each of these is a round trip and most a WAL flush, hence the larger cut.
 * - prepares and commits together for independent steps (Workflow.independent), 1.30x / 1.38x -> 1.08x / 1.19x:
 *   the two participant calls of each phase overlap instead of adding up (a second run: 0.92x / 1.11x; below 1x
 *   on PGlite because the plain path is two client requests through the gateway, and updateCharacter asks the
 *   hub whether the portrait exists).
 * Run: npm run bench:transactions [-- <iterations>]   (default 200)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SERVICES } from '#lib/config/services.js';
import { gradientPng } from '#lib/images/png.js';
import { gatewayClient, type GatewayClient } from '../scripts/gateway-client.js';
import { startPlatform } from '../scripts/platform.js';

// 200: p99 is then the 2nd-slowest sample, so one stray pause does not make the figure, and both paths together
// stay around a minute on two shared cores.
const ITERATIONS = Number(process.argv[2] ?? 200);
// 20: enough for the gateway's query plans, the JIT and each database's caches to settle before timing starts.
const WARM_UP = 20;
const PLAYER = 'bench-player';

const CREATE = `mutation($input: CreateCharacterInput!) { createCharacter(input: $input) { character { id version } } }`;
// Only fields the answering subgraph holds itself: no entity fetch adds to either path's latency.
const SET_PORTRAIT = `mutation($input: SetCharacterPortraitInput!) { setCharacterPortrait(input: $input) { image { id } transaction { state } } }`;
const UPLOAD = `mutation($input: UploadImageInput!) { uploadImage(input: $input) { image { id } } }`;
const UPDATE = `mutation($input: UpdateCharacterInput!) { updateCharacter(input: $input) { character { version } } }`;

/** A different small PNG each call (64x64): every write stores new bytes, none is a content-addressed duplicate. */
function portrait(n: number): string {
  return gradientPng(64, 64, [n % 256, (n >> 8) % 256, 40], [200, 150, (n * 7) % 256]).toString('base64');
}

async function createCharacter(client: GatewayClient, name: string): Promise<{ id: string; version: number }> {
  const data = await client.request<{ createCharacter: { character: { id: string; version: number } } }>(PLAYER, CREATE, {
    input: {
      name,
      race: 'HUMAN',
      class: 'FIGHTER',
      abilityScores: { strength: 15, dexterity: 14, constitution: 13, intelligence: 12, wisdom: 10, charisma: 8 },
    },
  });
  return data.createCharacter.character;
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Nearest-rank percentile of the sorted samples. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(samples: number[]): { p50: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

/** One database's run: its table, and the p50 ratio the closing line reports. */
async function measure(url: string | undefined): Promise<number> {
  const schemaPrefix = url ? `bench_${randomBytes(4).toString('hex')}_` : undefined;
  const secret = randomBytes(32).toString('hex');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dnd-bench-tx-'));
  const platform = await startPlatform({
    ports: 'free',
    dataDir,
    env: { AUTH_JWT_SECRET: secret, ...(url ? { DATABASE_URL: url } : { DATABASE_URL: '' }), ...(schemaPrefix ? { DB_SCHEMA_PREFIX: schemaPrefix } : {}) },
    onLine: () => undefined,
    // 150 s, as the e2e tests allow: five processes booting PGlite on two cores shared with other benches.
    readyTimeoutMs: 150_000,
  });
  try {
    const client = gatewayClient(`${platform.url}/graphql`, secret);
    const txCharacter = await createCharacter(client, 'Transaction Bench');
    const plain = await createCharacter(client, 'Baseline Bench');
    let picture = 0;

    const transaction = async () => {
      const data = await client.request<{ setCharacterPortrait: { transaction: { state: string } } }>(PLAYER, SET_PORTRAIT, {
        input: { characterId: txCharacter.id, dataBase64: portrait(picture++) },
      });
      if (data.setCharacterPortrait.transaction.state !== 'COMMITTED') throw new Error(`transaction ${data.setCharacterPortrait.transaction.state}`);
    };
    const baseline = async () => {
      const { uploadImage } = await client.request<{ uploadImage: { image: { id: string } } }>(PLAYER, UPLOAD, {
        input: { kind: 'PORTRAIT', dataBase64: portrait(picture++) },
      });
      const { updateCharacter } = await client.request<{ updateCharacter: { character: { version: number } } }>(PLAYER, UPDATE, {
        input: { id: plain.id, expectedVersion: plain.version, portraitImageId: uploadImage.image.id },
      });
      plain.version = updateCharacter.character.version;
    };

    for (let i = 0; i < WARM_UP; i++) {
      await transaction();
      await baseline();
    }
    const txMs: number[] = [];
    const baseMs: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      // Alternating which goes first spreads drifts in machine load evenly over both paths.
      if (i % 2 === 0) {
        txMs.push(await timed(transaction));
        baseMs.push(await timed(baseline));
      } else {
        baseMs.push(await timed(baseline));
        txMs.push(await timed(transaction));
      }
    }

    const tx = summary(txMs);
    const base = summary(baseMs);
    const ms = (value: number) => value.toFixed(1).padStart(9);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`.padStart(9);
    console.log(
      `${url ? 'PostgreSQL (DATABASE_URL, one schema per service)' : 'PGlite (embedded, one directory per service)'}: ` +
        `${ITERATIONS} iterations of each after ${WARM_UP} warm-up, milliseconds at the client`,
    );
    console.log(`${''.padEnd(44)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'mean'.padStart(9)}`);
    console.log(`${'setCharacterPortrait (hub transaction)'.padEnd(44)}${ms(tx.p50)}${ms(tx.p99)}${ms(tx.mean)}`);
    console.log(`${'uploadImage + updateCharacter (no hub tx)'.padEnd(44)}${ms(base.p50)}${ms(base.p99)}${ms(base.mean)}`);
    console.log(`${'ratio transaction / baseline'.padEnd(44)}${ratio(tx.p50, base.p50)}${ratio(tx.p99, base.p99)}${ratio(tx.mean, base.mean)}`);
    return tx.p50 / base.p50;
  } finally {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (url && schemaPrefix) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      for (const service of [...SERVICES, 'hub']) await admin.query(`DROP SCHEMA IF EXISTS "${schemaPrefix}${service}" CASCADE`);
      await admin.end();
    }
  }
}

const ratios: Array<[string, number]> = [['pglite', await measure(undefined)]];
if (process.env.DATABASE_URL) ratios.push(['postgres', await measure(process.env.DATABASE_URL)]);
else console.log('PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to measure it there too');
for (const [database, ratio] of ratios) console.log(`2PC write: ${ratio.toFixed(2)}x a plain write on ${database} (target ≤ 1.3x)`);
