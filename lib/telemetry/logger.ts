import { hostname } from 'node:os';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { ObservabilityConfig } from '../config/observability-config.js';
import { IDENTITY_HEADER } from '../auth/identity.js';
import { currentRequestId, currentService, setProcessService } from './request-context.js';

export type { Logger } from 'pino';
export type LogsConfig = ObservabilityConfig['logs'];

/** Field names whose values never reach a log line, at any depth: credentials, the signed identity, keys. */
const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'set-cookie',
  IDENTITY_HEADER,
  'x-dnd-identity',
  'apiKey',
  'api_key',
  'apiKeys',
  'api_keys',
  'key',
  'keys',
  'password',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
];

/** Keys at depths 0 to 5 are looked at: deeper than that our log objects never go (a request's headers inside an
 * error inside a log object is three). */
const REDACT_DEPTH = 6;
const SECRET_KEYS = new Set(SECRET_FIELDS);
const CENSOR = '[redacted]';

/**
 * `value` with every secret field censored, at any depth up to REDACT_DEPTH, copying only the objects on the way
 * to a secret (most lines have none and cost one walk, no allocation). Written by hand because pino's own redaction
 * takes fixed paths: the same rule as wildcard paths at six depths cost 140 µs per line, a tenth of the gateway's
 * CPU per request (its access log line); this walk costs a few microseconds.
 */
function redact(value: unknown, depth: number): unknown {
  if (depth >= REDACT_DEPTH || value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    let copy: unknown[] | undefined;
    items.forEach((item, i) => {
      const redacted = redact(item, depth + 1);
      if (redacted !== item) (copy ??= [...items])[i] = redacted;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const redacted = SECRET_KEYS.has(key) ? CENSOR : redact(item, depth + 1);
    if (redacted !== item) (copy ??= { ...value })[key] = redacted;
  }
  return copy ?? value;
}

/** The line's object with its error serialized first (pino serializes after this hook) and then redacted. */
function redactLine(object: Record<string, unknown>): Record<string, unknown> {
  const withError = object.err === undefined ? object : { ...object, err: stdSerializers.err(object.err as Error) };
  return redact(withError, 0) as Record<string, unknown>;
}

/** request_id of the request being served and trace_id/span_id of the active span, on every line that has them. */
function correlationFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const requestId = currentRequestId();
  if (requestId) fields.request_id = requestId;
  const span = trace.getActiveSpan();
  if (span) {
    const spanContext = span.spanContext();
    if (isSpanContextValid(spanContext)) {
      fields.trace_id = spanContext.traceId;
      fields.span_id = spanContext.spanId;
    }
  }
  return fields;
}

/** auto: JSON for a log collector in the production shape (NODE_ENV=production, or a database server), text otherwise. */
function useJson(format: LogsConfig['format']): boolean {
  if (format !== 'auto') return format === 'json';
  return process.env.NODE_ENV === 'production' || Boolean(process.env.DATABASE_URL);
}

/**
 * One readable line per event: pino-pretty's formatter called in this thread and written synchronously, so a line
 * logged just before process.exit is not lost in a transport's worker. pid, hostname and service are left out:
 * `npm start` already prefixes each line with the process's name.
 */
function prettyLines(out: DestinationStream): DestinationStream {
  const format = prettyFactory({ singleLine: true, errorLikeObjectKeys: [], colorize: false, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service' });
  return { write: (line: string) => out.write(format(line)) };
}

// The lines of one turn of the event loop, written to process.stdout together at its end: one write call per turn
// instead of one per line (a busy gateway logs a line per request; the writes were 7% of its CPU, issue 16).
// process.stdout is synchronous on files and pipes (how the platform and Docker read a process) and the one stream
// a test can watch; what is pending goes out on exit, so a line logged just before process.exit is kept. 64 kB: a
// burst of lines (a failing dependency) is not held in memory, and a pipe takes that much in one write.
const FLUSH_AT = 64 * 1024;
let pending = '';
let flushScheduled = false;
function flushLines(): void {
  flushScheduled = false;
  if (pending === '') return;
  const lines = pending;
  pending = '';
  process.stdout.write(lines);
}
process.on('exit', flushLines);
const stdout: DestinationStream = {
  write: (line: string) => {
    pending += line;
    if (pending.length >= FLUSH_AT) flushLines();
    else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushLines);
    }
  },
};

/**
 * The logger of one service: JSON lines or one-line text (config.format), every line with its service, request and
 * trace ids, secrets redacted. `destination` (default stdout) is for tests, which read the lines back.
 */
export function createLogger(service: string, config?: Partial<LogsConfig>, destination?: DestinationStream): Logger {
  const json = useJson(config?.format ?? 'auto');
  const logger = pino(
    {
      level: config?.level ?? 'info',
      base: { service, pid: process.pid, hostname: hostname() },
      timestamp: stdTimeFunctions.isoTime,
      // "info" rather than 30: log collectors and people filter on the name.
      formatters: { level: (label) => ({ level: label }), log: redactLine },
      mixin: correlationFields,
    },
    json ? (destination ?? stdout) : prettyLines(destination ?? stdout),
  );
  // pino applies no formatter to a child's bindings: they are redacted here, for children of children too (they
  // inherit this method).
  const child = logger.child;
  logger.child = function (this: Logger, bindings, options) {
    return child.call(this, redactLine(bindings), options);
  } as Logger['child'];
  return logger;
}

let processConfig: Partial<LogsConfig> | undefined;
const loggers = new Map<string, Logger>();

/**
 * Sets this process's service name and hub.yaml logs settings, for processLogger(). Called first thing by each
 * process's main; until then processLogger() logs as "dnd-tools" with the defaults.
 */
export function configureProcessLogger(service: string, config?: Partial<LogsConfig>): Logger {
  setProcessService(service);
  processConfig = config;
  loggers.clear();
  return processLogger();
}

/**
 * The process's logger, created once per service: by default the service of the request being served, else the
 * process's (tests run several services in one process, and a line must name the one that wrote it). Call it when
 * logging rather than keeping it from module load, so that the configuration the process's main sets applies.
 */
export function processLogger(service: string = currentService()): Logger {
  let logger = loggers.get(service);
  if (!logger) loggers.set(service, (logger = createLogger(service, processConfig)));
  return logger;
}
