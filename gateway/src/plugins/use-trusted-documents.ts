import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context/gateway-context.js';
import type { TrustedDocumentsConfig } from '#lib/config/demand-control-config.js';
import { beforeOperation } from '../demand-control/before-operation.js';
import { callerOf, isOperator, isService } from '../demand-control/caller.js';
import { persistedNotFound, persistedOnly } from '../demand-control/refusal.js';
import { TrustedManifest } from '../demand-control/trusted-manifest.js';

export interface TrustedDocumentsOptions {
  /** hub.yaml message_hub.trusted_documents. */
  config: TrustedDocumentsConfig;
  /** The manifest; default: read from config.manifest. */
  manifest?: TrustedManifest;
}

/** A document id as clients send it: Apollo's persistedQuery extension, GraphQL-over-HTTP's documentId, Relay's doc_id. */
function documentIdOf(params: GraphQLParams & { documentId?: unknown; doc_id?: unknown }): string | null {
  const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
  if (persisted?.version === 1 && typeof persisted.sha256Hash === 'string') return persisted.sha256Hash;
  if (typeof params.documentId === 'string') return params.documentId;
  return typeof params.doc_id === 'string' ? params.doc_id : null;
}

/**
 * Trusted documents (persisted operations). Over HTTP a request may name a registered document by id instead of
 * sending its text (graphql-yoga's persisted-operations plugin resolves it; an unknown id is PERSISTED_QUERY_NOT_FOUND,
 * HTTP 400); that holds in every mode. With `mode: require` only registered documents run: any other is refused
 * with PERSISTED_QUERY_ONLY, HTTP 400, before it runs, except for
 * - operators (role operator) when `operators_bypass` (GraphiQL, ad hoc Query.hub in production), and
 * - the platform's own services calling through the gateway client, whose documents are the repository's own
 *   (hub-operations/*.graphql, reviewed with the code) and whose identity only their signature gives.
 * The check is at execute time because it needs the caller use-auth verified; the document has been parsed and
 * validated by then, within the operation limits. graphql-ws payloads carry text only (ids are an HTTP feature here).
 */
export function useTrustedDocuments({
  config,
  manifest = TrustedManifest.load(config.manifest, config.mode === 'require'),
}: TrustedDocumentsOptions): Plugin<GatewayContext> {
  const resolve = usePersistedOperations<GatewayContext>({
    // Text is always accepted here: in require mode whether it is registered is decided below, with the caller known.
    allowArbitraryOperations: true,
    extractPersistedOperationId: documentIdOf,
    getPersistedOperation: (id) => manifest.textOf(id) ?? null,
    customErrors: {
      notFound: () => persistedNotFound(),
      keyNotFound: {
        message: 'Send a GraphQL document in `query`, or the id of a registered one in extensions.persistedQuery.sha256Hash or documentId.',
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400, spec: false } },
      },
    },
  });
  if (config.mode !== 'require') return resolve;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(resolve);
    },
    ...beforeOperation((args) => {
      if (manifest.registered(args.document)) return undefined;
      const caller = callerOf(args);
      if (isService(caller) || (config.operators_bypass && isOperator(caller))) return undefined;
      return persistedOnly();
    }),
  };
}
