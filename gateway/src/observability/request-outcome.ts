import type { Span } from '@opentelemetry/api';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { TrackedOperationType } from './tracked-request.js';

/** The operation a request runs, as tracing, metrics and tracking name it. */
export function operationOf(document: DocumentNode, operationName: string | null | undefined): { type: TrackedOperationType; name: string | null } | undefined {
  const operation = getOperationAST(document, operationName);
  if (!operation) return undefined;
  return {
    type: operation.operation === 'mutation' ? 'MUTATION' : operation.operation === 'subscription' ? 'SUBSCRIPTION' : 'QUERY',
    name: operation.name?.value ?? null,
  };
}

/** A request's SERVER span named after its operation ("mutation GenerateBackstory"), with the operation's attributes. */
export function nameOperationSpan(span: Span, operation: { type: TrackedOperationType; name: string | null }): void {
  const type = operation.type.toLowerCase();
  span.updateName(operation.name ? `${type} ${operation.name}` : type);
  span.setAttribute('graphql.operation.type', type);
  if (operation.name) span.setAttribute('graphql.operation.name', operation.name);
}

/** extensions.code of each error of a GraphQL result (an event stream has none to read yet). */
export function errorCodesOf(result: unknown): string[] {
  const errors = (result as { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((error: { extensions?: Record<string, unknown> }) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
}

/** The code of an answer refused before execution without a GraphQL body we read (a bad token, a bad body). */
export function httpStatusCode(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}

/** A browser's GET of /graphql, asking for GraphiQL's page rather than running GraphQL (as yoga tells them apart). */
export function asksForGraphiqlPage(method: string | undefined, accept: string | null | undefined): boolean {
  return method === 'GET' && (accept ?? '').includes('text/html');
}

/** GraphiQL's page: not a GraphQL request, so neither traced as one nor tracked. */
export function isGraphiqlPage(request: Request): boolean {
  return asksForGraphiqlPage(request.method, request.headers.get('accept'));
}
