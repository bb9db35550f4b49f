import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

const ENTITIES = '_entities';

/**
 * The paths, in the subgraph's response, of the fields a fetch would have filled: root fields for a root fetch,
 * `_entities.<i>.<field>` for each representation of an entity fetch. A fetch that failed as a whole answers one
 * error per path, which @apollo/gateway maps to the client's paths (the entity's place in the client response),
 * so every field left null says why.
 */
export function fetchErrorPaths(document: DocumentNode, variables: Record<string, unknown> | undefined): Array<Array<string | number>> {
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const rootFields = responseNames(operation.selectionSet, fragments, undefined);
  const entities = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD && selection.name.value === ENTITIES);
  const representations = variables?.representations;
  if (entities?.kind !== Kind.FIELD || !entities.selectionSet || !Array.isArray(representations)) return rootFields.map((name) => [name]);

  const paths: Array<Array<string | number>> = [];
  const byType = new Map<string, string[]>();
  representations.forEach((representation: unknown, index) => {
    const typename = String((representation as { __typename?: unknown } | null)?.__typename ?? '');
    let fields = byType.get(typename);
    if (!fields) byType.set(typename, (fields = responseNames(entities.selectionSet!, fragments, typename)));
    for (const field of fields) paths.push([ENTITIES, index, field]);
  });
  return paths;
}

/** Response names of the fields selected directly in `selectionSet` (through fragments) for `typename`. */
function responseNames(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, typename: string | undefined): string[] {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') names.add(selection.alias?.value ?? selection.name.value);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        const condition = fragment?.typeCondition?.name.value;
        if (fragment && (condition === undefined || typename === undefined || condition === typename)) visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return [...names];
}
