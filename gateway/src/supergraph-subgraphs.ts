import { Kind, parse, type ConstValueNode, type EnumTypeDefinitionNode } from 'graphql';

export interface SupergraphSubgraph {
  /** The subgraph's name as composed (`@join__graph(name:)`), e.g. "character". */
  name: string;
  /** Its routing URL as composed. */
  url: string;
}

function stringArgument(value: ConstValueNode | undefined): string | undefined {
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/**
 * The subgraphs a supergraph routes to, read from its `join__Graph` enum: the gateway learns every name
 * from the supergraph itself, so it serves any valid supergraph rather than a hard-coded list.
 */
export function listSubgraphs(supergraphSdl: string): SupergraphSubgraph[] {
  const document = parse(supergraphSdl, { noLocation: true });
  const joinGraph = document.definitions.find(
    (definition): definition is EnumTypeDefinitionNode => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  if (!joinGraph) throw new Error('the supergraph has no join__Graph enum: is it a composed supergraph (npm run compose)?');
  return (joinGraph.values ?? []).map((value) => {
    const directive = value.directives?.find((d) => d.name.value === 'join__graph');
    const argument = (name: string) => stringArgument(directive?.arguments?.find((a) => a.name.value === name)?.value);
    const name = argument('name');
    const url = argument('url');
    if (!name || url === undefined) throw new Error(`join__Graph.${value.name.value} has no @join__graph(name:, url:)`);
    return { name, url };
  });
}

/** SUBGRAPH_URL_<NAME>: the subgraph's name upper-cased, any character not allowed in an env name as `_`. */
export function subgraphEnvName(name: string): string {
  return `SUBGRAPH_URL_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}
