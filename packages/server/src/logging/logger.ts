import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * Paths pino blanks out whatever is logged: a second net behind the allow-list of the request
 * log. The first net is never passing these objects to the logger in the first place.
 */
export const REDACTED_PATHS = [
  'req',
  'res',
  'headers',
  'body',
  'query',
  'params',
  '*.headers',
  '*.body',
  '*.query',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.secret',
  '*.key',
  '*.email',
  '*.ip',
  'err.message',
  'err.detail',
  'err.parameters',
];

export interface LoggerOptions {
  readonly level: string;
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
    base: null,
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}

/**
 * Errors are logged by type, code and stack frames. The message is left out: database errors
 * put row values in theirs, and a value may be personal data or a secret.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };

  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((line) => line.trim());

  return { type: error.name, ...(code === undefined ? {} : { code }), frames };
}
