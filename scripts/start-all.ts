/**
 * `npm start`: the whole platform on embedded defaults (PGlite under .data/, local LLM provider).
 * Ctrl-C stops every process; a process that dies during start-up stops them all.
 */
import { dataDir } from '../lib/config/paths.js';
import { prefixedLogger, startPlatform } from './platform.js';

// PORT moves the whole platform: the gateway on PORT and the subgraphs on the four ports after it.
const base = process.env.PORT ? Number(process.env.PORT) : undefined;
const ports =
  base === undefined ? undefined : { gateway: base, character: base + 1, campaign: base + 2, image: base + 3, llm: base + 4 };

const started = Date.now();
try {
  const platform = await startPlatform({ dataDir: dataDir(), ...(ports ? { ports } : {}) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\ndnd-tools is up in ${seconds} s: GraphiQL at ${platform.url}/graphql (Ctrl-C stops everything)\n`);
  let stopping = false;
  for (const [name, child] of platform.children) {
    child.on('exit', (code, signal) => {
      if (!stopping) prefixedLogger(name, `exited (${signal ?? `code ${code}`}); the others keep serving`);
    });
  }
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
} catch (err) {
  console.error(`\ndnd-tools failed to start: ${(err as Error).message}`);
  process.exit(1);
}
