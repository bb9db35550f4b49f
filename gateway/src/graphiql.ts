import type { GraphiQLOptions } from 'graphql-yoga';
import { signUserToken } from '../../lib/auth/index.js';

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
 * GraphiQL's options. A demo user's token is put in its headers only when the secret was generated into
 * .data/ (a local install): with AUTH_JWT_SECRET set this is a real deployment, where a page handing out
 * a valid token to anyone who opens it would be a hole.
 */
export function graphiqlOptions(options: { secret: string; embedded: boolean }): () => Promise<GraphiQLOptions> {
  let cached: { headers: string; mintedAt: number } | undefined;
  const base: GraphiQLOptions = { title: 'dnd-tools GraphiQL', defaultQuery: DEFAULT_QUERY };
  return async () => {
    if (!options.embedded) return base;
    if (!cached || Date.now() - cached.mintedAt > DEMO_TOKEN_REFRESH_MS) {
      const token = await signUserToken(DEMO_USER, options.secret);
      cached = { headers: JSON.stringify({ Authorization: `Bearer ${token}` }), mintedAt: Date.now() };
    }
    return { ...base, headers: cached.headers };
  };
}
