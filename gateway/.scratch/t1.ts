import { parse } from 'graphql';
import { createSubgraphServer } from '../../lib/subgraph/index.js';
import { signIdentity, IDENTITY_HEADER } from '../../lib/auth/index.js';
import { unauthenticated } from '../../lib/graphql/index.js';
const s = createSubgraphServer({ name: 'a', secret: 'x'.repeat(40), typeDefs: parse(`type Query { a: String b: String }`),
  resolvers: { Query: { a: () => { throw unauthenticated(); }, b: () => 'b' } } as any, createContext: () => ({}) });
const port = await s.listen(0);
for (const accept of [undefined, 'application/json', 'application/graphql-response+json']) {
  const r = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}), [IDENTITY_HEADER]: signIdentity({ userId: null }, 'x'.repeat(40)) }, body: JSON.stringify({ query: '{ a b }' }) });
  console.log(accept, r.status, r.headers.get('content-type'), await r.text());
}
await s.close();
