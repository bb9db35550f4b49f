import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphiQLOptions } from 'graphql-yoga';
import { PLAYGROUND_EXAMPLES } from '../../frontend-sdk/playground-examples.js';
import { signUserToken } from '#lib/auth/index.js';
import { repoRoot } from '#lib/config/paths.js';

type Tab = NonNullable<GraphiQLOptions['defaultTabs']>[number];

/** The user GraphiQL signs in as on a local, embedded-secret install (the seed data's dungeon master). */
export const DEMO_USER = 'demo-dm';

// 1 h: the page mints a fresh token at least this often, well inside the token's own 12 h life.
const DEMO_TOKEN_REFRESH_MS = 60 * 60 * 1000;

export const DEFAULT_QUERY = `# Characters with their derived 5e values (character), active campaign and party (campaign),
# portrait (image) and latest generated texts (llm): one request, four subgraphs.
query PartyOverview {
  characters(first: 10) {
    edges { node { id name race class level armorClass maxHitPoints
      campaign { name setting party { name class level } }
      portrait { url width height }
      generations(first: 1) { text provider } } }
  }
}
`;

/**
 * The playground's tabs: the four-subgraph overview, then one tab per user journey with the frontend SDK's own
 * operations file (frontend-sdk/operations, read once at start-up) and example variables for it. A journey whose file
 * is missing (a trimmed deployment) is left out rather than failing the gateway.
 */
export function playgroundTabs(): Tab[] {
  const tabs: Tab[] = [{ query: DEFAULT_QUERY }];
  for (const example of PLAYGROUND_EXAMPLES) {
    let query: string;
    try {
      query = readFileSync(path.join(repoRoot, 'frontend-sdk', 'operations', example.file), 'utf8');
    } catch {
      console.warn(`gateway: playground example ${example.file} not found; its tab is left out`);
      continue;
    }
    tabs.push({ query, variables: JSON.stringify(example.variables, null, 2) });
  }
  return tabs;
}

/**
 * GraphiQL's options. A demo user's token is put in its headers only for a development convenience that cannot
 * reach anyone else: the secret was generated into .data/ (with AUTH_JWT_SECRET set this is a real deployment),
 * NODE_ENV is not production, and the page is asked for from this machine itself (a gateway started with HOST=0.0.0.0
 * hands no token to the network). Anywhere else a page handing out a valid token to anyone who opens it would be a hole.
 */
export function graphiqlOptions(
  options: { secret: string; embedded: boolean },
  env: NodeJS.ProcessEnv = process.env,
): (caller: { loopback: boolean }) => Promise<GraphiQLOptions> {
  let cached: { headers: string; mintedAt: number } | undefined;
  const tabs = playgroundTabs();
  const base: GraphiQLOptions = { title: 'dnd-tools GraphiQL', defaultQuery: DEFAULT_QUERY, defaultTabs: tabs };
  const demo = options.embedded && env.NODE_ENV !== 'production';
  return async ({ loopback }) => {
    if (!demo || !loopback) return base;
    if (!cached || Date.now() - cached.mintedAt > DEMO_TOKEN_REFRESH_MS) {
      const token = await signUserToken(DEMO_USER, options.secret);
      cached = { headers: JSON.stringify({ Authorization: `Bearer ${token}` }), mintedAt: Date.now() };
    }
    // Every tab signed in (GraphiQL gives a default tab its own headers), and new tabs too.
    const { headers } = cached;
    return { ...base, headers, defaultTabs: tabs.map((tab) => ({ ...tab, headers })) };
  };
}
