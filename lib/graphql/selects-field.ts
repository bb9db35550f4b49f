import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function selects(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): boolean {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === 'Field' && selection.name.value === name) return true;
    if (selection.kind === 'InlineFragment' && selects(selection.selectionSet, name, info)) return true;
    if (selection.kind === 'FragmentSpread' && selects(info.fragments[selection.name.value]?.selectionSet, name, info)) return true;
  }
  return false;
}

/**
 * Whether the query asks the field being resolved for its sub-field `name` (directly or through fragments): a list
 * resolver counts its rows, one more statement, only when `totalCount` is read. A field skipped by @skip/@include
 * still counts as asked: one statement too many, never a missing value.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, name, info));
}
