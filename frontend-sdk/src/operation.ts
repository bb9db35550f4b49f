import { Kind, print, type DocumentNode, type OperationTypeNode } from 'graphql';

export interface Operation {
  query: string;
  operationName: string | undefined;
  kind: OperationTypeNode;
}

// Generated documents are module constants: each is printed once, not on every call.
const printed = new WeakMap<DocumentNode, Operation>();

/** The text, name and kind of a document's (first) operation, as sent on the wire. */
export function operationOf(document: DocumentNode): Operation {
  let operation = printed.get(document);
  if (operation === undefined) {
    const definition = document.definitions.find((node) => node.kind === Kind.OPERATION_DEFINITION);
    if (definition?.kind !== Kind.OPERATION_DEFINITION) throw new TypeError('a GraphQL document without an operation');
    operation = { query: print(document), operationName: definition.name?.value, kind: definition.operation };
    printed.set(document, operation);
  }
  return operation;
}
