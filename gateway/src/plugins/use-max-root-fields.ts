import { Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitExceeded } from '../demand-control/refusal.js';
import { preValidationPlugin } from '../demand-control/pre-validation.js';

export interface MaxRootFieldsOptions {
  /** hub.yaml message_hub.limits.max_root_fields. */
  maxRootFields: number;
}

/** Root fields of a selection set, through fragments and inline fragments (each fragment followed once). */
function countRootFields(selectionSet: SelectionSetNode, context: ValidationContext, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count++;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countRootFields(selection.selectionSet, context, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += countRootFields(fragment.selectionSet, context, seen);
    }
  }
  return count;
}

/**
 * Refuses an operation selecting more than `maxRootFields` root fields, aliased or not (BAD_USER_INPUT, limit
 * max_root_fields, HTTP 400), before validation. Written here: graphql-armor has no such rule, and each root field
 * may be a fetch of its own, so their number is the fan-out of one request.
 */
export function useMaxRootFields({ maxRootFields }: MaxRootFieldsOptions): Plugin {
  const rule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const count = countRootFields(operation.selectionSet, context, new Set());
      if (count > maxRootFields) {
        context.reportError(limitExceeded('max_root_fields', maxRootFields, count, `Operation selects ${count} root fields; the limit is ${maxRootFields}.`));
      }
      // The rest of the document is the other limits' business.
      return false;
    },
  });
  return preValidationPlugin(rule);
}
