import { parse, protocol, types, type messages, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

const { serialize } = protocol;

/**
 * Statements kept prepared per database. A service sends a few dozen distinct statement texts (drizzle builds the
 * same text for the same query shape); 500 holds them all with room for lists of every length an `IN (...)` takes,
 * and bounds the memory a flood of distinct texts (an id list of each length up to a page) could pin in Postgres.
 */
const MAX_PREPARED = 500;

interface Prepared {
  name: string;
  /** Parameter type oids, as Postgres inferred them: values are serialized for them as PGlite's query() does. */
  types: number[];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

type Message = Awaited<ReturnType<PGlite['execProtocol']>>['messages'][number];
type Parser = (value: string, oid: number) => unknown;

/**
 * PGlite's parseResults for one statement's messages, with the parser of each column looked up once per result.
 * Its own merges the caller's parsers into the client's table of several hundred entries for every statement (drizzle
 * passes parsers on every query): that spread was a tenth of a subgraph's CPU.
 */
function readResults<T>(messages: Message[], clientParsers: Record<number, Parser>, options?: QueryOptions): Results<T> {
  const result: Results<unknown[] | Record<string, unknown>> = { rows: [], fields: [], affectedRows: 0 };
  let parsers: Array<Parser | undefined> = [];
  for (const message of messages) {
    if (message.name === 'rowDescription') {
      result.fields = (message as messages.RowDescriptionMessage).fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID }));
      parsers = result.fields.map(
        ({ dataTypeID }) => (options?.parsers?.[dataTypeID] ?? clientParsers[dataTypeID] ?? types.parsers[dataTypeID]) as Parser | undefined,
      );
    } else if (message.name === 'dataRow') {
      const values = (message as messages.DataRowMessage).fields.map((value, i) => {
        const parser = parsers[i];
        return value === null || !parser ? value : parser(value, result.fields[i]?.dataTypeID ?? 0);
      });
      result.rows.push(options?.rowMode === 'array' ? values : Object.fromEntries(result.fields.map((field, i) => [field.name, values[i]])));
    } else if (message.name === 'commandComplete') {
      // "INSERT 0 5", "UPDATE 3": the last word is the count, for the commands whose rows count as affected.
      const words = (message as messages.CommandCompleteMessage).text.split(' ');
      if (['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(words[0] ?? '')) result.affectedRows = Number(words[words.length - 1]);
    }
  }
  return result as Results<T>;
}

type Query = <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

/**
 * Sends drizzle's statements to PGlite as named prepared statements, one protocol exchange per execution.
 *
 * PGlite's own query() runs six exchanges with its Postgres for every statement (parse, describe, bind, describe,
 * execute, sync) and plans it again each time: about 1 ms of wasm and message parsing per statement, the largest
 * single cost of every subgraph request on the embedded database (CPU profiles of bench/platform). Here a text is
 * parsed and described once; later executions are one Bind + Describe + Execute + Sync, and Postgres reuses the
 * plan as it would for a server-side prepared statement (a generic plan after five runs, when it is no worse).
 * Measured on a four-id primary-key lookup: 1.0-1.5 ms per statement with query(), 0.3 ms here.
 *
 * Semantics are query()'s: the same mutexes (a statement outside a transaction never runs inside another caller's),
 * parameters serialized for the types Postgres inferred, rows parsed with the client's parsers and the caller's
 * `parsers`/`rowMode`, a failure thrown as PGlite's DatabaseError (SQLSTATE in `code`).
 */
export function preparePglite(client: PGlite): void {
  const prepared = new Map<string, Prepared>();
  // Statements to drop: evicted ones, and any whose Parse may have run in a batch that failed after it.
  const stale: string[] = [];
  let next = 0;

  const prepare = async (text: string, options?: QueryOptions): Promise<Prepared> => {
    const known = prepared.get(text);
    if (known) {
      // Map order is insertion order: re-inserting keeps the most recently used last, so eviction drops the oldest.
      prepared.delete(text);
      prepared.set(text, known);
      return known;
    }
    const name = `dnd_s${++next}`;
    const closes = stale.splice(0).map((old) => serialize.close({ type: 'S', name: old }));
    let described: Awaited<ReturnType<PGlite['execProtocol']>>;
    try {
      described = await client.execProtocol(
        concat([...closes, serialize.parse({ name, text, types: options?.paramTypes }), serialize.describe({ type: 'S', name }), serialize.sync()]),
        { syncToFs: false },
      );
    } catch (err) {
      stale.push(name);
      throw err;
    }
    const statement = { name, types: parse.parseDescribeStatementResults(described.messages) };
    prepared.set(text, statement);
    if (prepared.size > MAX_PREPARED) {
      const [oldest] = prepared;
      if (oldest) {
        prepared.delete(oldest[0]);
        stale.push(oldest[1].name);
      }
    }
    return statement;
  };

  const execute = async <T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> => {
    const statement = await prepare(text, options);
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const oid = statement.types[i] ?? 0;
      const serializer = options?.serializers?.[oid] ?? client.serializers[oid];
      return serializer ? serializer(param) : String(param);
    });
    const { messages } = await client.execProtocol(
      concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
    return readResults<T>(messages, client.parsers, options);
  };

  // As PGlite's query(): outside a transaction, wait for any running one and sync the files after.
  const query: Query = (text, params, options) =>
    client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(async () => {
        const result = await execute<never>(text, params, options);
        await client.syncToFs();
        return result;
      }),
    );
  const transaction = client.transaction.bind(client);
  client.query = query as PGlite['query'];
  client.transaction = (callback) =>
    transaction((tx) => {
      const wrapped = Object.create(tx) as Transaction;
      wrapped.query = ((text, params, options) => {
        if (tx.closed) throw new Error('Transaction is closed');
        return client._runExclusiveQuery(() => execute(text, params, options));
      }) as Query as Transaction['query'];
      return callback(wrapped);
    });
}
