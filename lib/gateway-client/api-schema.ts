import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';
import { repoRoot } from '../config/paths.js';

/**
 * The schema clients of the gateway see, printed as SDL: the composed supergraph without its join__/link__
 * machinery and without @inaccessible fields and types (the two-phase commit protocol, for one). Operations the
 * services send through the hub are typed against this, so an operation naming something the gateway would refuse
 * fails at `npm run codegen`, not at run time. Built with the same federation code the gateway plans with.
 */
export function gatewayApiSchemaSdl(supergraphFile = path.join(repoRoot, 'gateway', 'supergraph.graphql')): string {
  const supergraph = Supergraph.build(readFileSync(supergraphFile, 'utf8'));
  return printSchema(supergraph.apiSchema().toGraphQLJSSchema());
}
