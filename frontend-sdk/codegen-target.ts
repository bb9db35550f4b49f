import type { Types } from '@graphql-codegen/plugin-helpers';
import { namedOperationValidation } from './validate-operations.js';

/** Where the SDK's operations are read from and its typed documents written to (paths from the repository root). */
export const SDK_OPERATIONS = 'frontend-sdk/operations/*.graphql';
export const SDK_GENERATED_DIR = 'frontend-sdk/src/__generated__/';

/**
 * The frontend SDK's typed documents: the client preset (one TypedDocumentNode per operation, with its result and
 * variables types) over frontend-sdk/operations, checked against the gateway's API schema, the schema clients
 * actually see (no join__ machinery, no @inaccessible fields). codegen.ts uses it for `npm run codegen`; the SDK's
 * freshness test runs it into a temporary directory with the same settings.
 */
export function frontendSdkTarget(apiSchemaSdl: string, documents = SDK_OPERATIONS, output = SDK_GENERATED_DIR): Record<string, Types.ConfiguredOutput> {
  return {
    [output]: {
      schema: apiSchemaSdl,
      documents,
      preset: 'client',
      presetConfig: {
        // No fragment masking: the operations' results are read whole, by scripts as much as by components.
        fragmentMasking: false,
        // Trusted documents: persisted-documents.json maps each operation's id (sha256:<hex> of its normalised text)
        // to that text, and every document carries its id in __meta__.hash. The gateway loads the manifest
        // (hub.yaml message_hub.trusted_documents) and, in `require` mode, runs only these operations.
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      documentTransforms: [namedOperationValidation],
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        // ESM with NodeNext resolution: relative imports need their extension (tsconfig.json "module": "NodeNext").
        importExtension: '.js',
        // DateTime arrives as an ISO 8601 string; JSON as whatever the server sent.
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  };
}
