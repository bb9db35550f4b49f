/**
 * npm run compose: composes the subgraphs listed in supergraph.yaml into gateway/supergraph.graphql.
 * SUPERGRAPH_CONFIG and SUPERGRAPH_OUTPUT override the two paths (tests compose broken sets in temp dirs).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '#lib/config/paths.js';
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
if (outcome.hints.length > 0) {
  // Hints (differing descriptions, mostly) are advice, not failures: counted by code unless asked for in full.
  const byCode = new Map<string, number>();
  for (const hint of outcome.hints) {
    const code = /^\[([A-Z_]+)\]/.exec(hint)?.[1] ?? 'OTHER';
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
  }
  const summary = [...byCode].map(([code, count]) => `${code} x${count}`).join(', ');
  if (process.env.COMPOSE_HINTS) for (const hint of outcome.hints) console.log(`  hint: ${hint}`);
  else console.log(`\nComposition hints: ${summary} (COMPOSE_HINTS=1 npm run compose prints them)`);
}
writeFileSync(outputPath, supergraphFileText(outcome.supergraphSdl));
console.log(`\nWrote ${relative(outputPath)}`);
