import { hostname } from 'node:os';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
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

/**
 * pino's redaction matches fixed paths, a `*` standing for one level: every field at depths 0 to 5. Deeper than
 * that our log objects never go (a request's headers inside an error inside a log object is three).
 */
const REDACT_DEPTH = 6;
const redactPaths = SECRET_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
  return Array.from({ length: REDACT_DEPTH }, (_, depth) => `${'*.'.repeat(depth)}${key}`.replace('.[', '['));
});

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

// process.stdout in both formats: synchronous on files and pipes (how the platform and Docker read a process), and
// the one stream a test can watch.
const stdout: DestinationStream = { write: (line: string) => void process.stdout.write(line) };

/**
 * The logger of one service: JSON lines or one-line text (config.format), every line with its service, request and
 * trace ids, secrets redacted. `destination` (default stdout) is for tests, which read the lines back.
 */
export function createLogger(service: string, config?: Partial<LogsConfig>, destination?: DestinationStream): Logger {
  const json = useJson(config?.format ?? 'auto');
  return pino(
    {
      level: config?.level ?? 'info',
      base: { service, pid: process.pid, hostname: hostname() },
      timestamp: stdTimeFunctions.isoTime,
      // "info" rather than 30: log collectors and people filter on the name.
      formatters: { level: (label) => ({ level: label }) },
      mixin: correlationFields,
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    json ? (destination ?? stdout) : prettyLines(destination ?? stdout),
  );
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
