import path from 'node:path';
import type { Types } from '@graphql-codegen/plugin-helpers';
import {
  buildASTSchema,
  Kind,
  NoUnusedFragmentsRule,
  specifiedRules,
  validate,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
} from 'graphql';

// Every rule but NoUnusedFragments: each operation is checked with every fragment of every file beside it, and
// most of those it does not use.
const RULES = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

function isFragment(definition: DefinitionNode): definition is FragmentDefinitionNode {
  return definition.kind === Kind.FRAGMENT_DEFINITION;
}

/**
 * Checks every operation of the SDK against the API schema on its own and fails with the file and the operation's
 * name: codegen's own validation (which runs after this) reports file and line only, and a script author reads
 * "EquipArmour: Cannot query field ..." faster than a line number. Runs as a codegen document transform, before
 * anything is written.
 */
export const namedOperationValidation: Types.DocumentTransformObject = {
  transform({ documents, schema }) {
    const apiSchema = buildASTSchema(schema as DocumentNode, { assumeValidSDL: true });
    const fragments = documents.flatMap((file) => file.document?.definitions.filter(isFragment) ?? []);
    const failures: string[] = [];
    for (const file of documents) {
      const where = file.location ? path.relative(process.cwd(), file.location) : 'an operations file';
      for (const definition of file.document?.definitions ?? []) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const name = definition.name?.value ?? '(anonymous)';
        const errors = validate(apiSchema, { kind: Kind.DOCUMENT, definitions: [definition, ...fragments] }, RULES);
        for (const error of errors) {
          const at = error.locations?.[0];
          failures.push(`${where}${at ? `:${at.line}:${at.column}` : ''}: ${definition.operation} ${name}: ${error.message}`);
        }
      }
    }
    if (failures.length > 0) throw new Error(`operations that do not match the API schema:\n${failures.join('\n')}`);
    return documents;
  },
};
