/**
 * npm run compose: composes the subgraphs listed in supergraph.yaml into gateway/supergraph.graphql.
 * SUPERGRAPH_CONFIG and SUPERGRAPH_OUTPUT override the two paths (tests compose broken sets in temp dirs).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/config/paths.js';
import { composeFromConfig, supergraphFileText } from '../gateway/src/compose-supergraph.js';

const configPath = path.resolve(process.env.SUPERGRAPH_CONFIG ?? path.join(repoRoot, 'supergraph.yaml'));
const outputPath = path.resolve(process.env.SUPERGRAPH_OUTPUT ?? path.join(repoRoot, 'gateway', 'supergraph.graphql'));

const outcome = composeFromConfig(configPath);
const relative = (file: string) => path.relative(process.cwd(), file) || file;
console.log(`Composing ${relative(configPath)}:`);
for (const subgraph of outcome.subgraphs) console.log(`  ${subgraph.name}: ${relative(subgraph.file)} (${subgraph.url})`);

if ('errors' in outcome) {
  console.error(`\nComposition failed with ${outcome.errors.length} error(s):`);
  for (const error of outcome.errors) console.error(`  - ${error}`);
  process.exit(1);
}
for (const hint of outcome.hints) console.log(`  hint: ${hint}`);
writeFileSync(outputPath, supergraphFileText(outcome.supergraphSdl));
console.log(`\nWrote ${relative(outputPath)}`);
