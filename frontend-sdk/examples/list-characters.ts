// A query: the characters on the platform with their derived 5e values, typed end to end.
import { BrowseCharactersDocument, createDndClient } from '../src/index.js';

const client = createDndClient({
  url: process.env.DND_GRAPHQL_URL ?? 'http://localhost:4000/graphql',
  token: process.env.TOKEN, // TOKEN=$(npm run -s token -- demo-dm)
});

const result = await client.request(BrowseCharactersDocument, { first: 10 });
if (result.ok) {
  for (const { node } of result.data.characters.edges) console.log(`${node.name}: level ${node.level} ${node.class.toLowerCase()}`);
} else {
  // A value, never an exception: the code to branch on, the message, and the request id to quote to support.
  console.error(`${result.error.code}: ${result.error.message} (request ${result.requestId ?? 'none'})`);
  process.exitCode = 1;
}
