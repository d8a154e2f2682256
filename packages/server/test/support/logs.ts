import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logging/logger.js';

export interface CapturedLogs {
  readonly logger: Logger;
  /** Every line written so far, raw. */
  lines(): string[];
  /** Every line parsed as JSON. */
  entries(): Record<string, unknown>[];
}

/** A real pino logger (with the production redaction and serializers) writing into memory. */
export function captureLogs(level = 'trace'): CapturedLogs {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.length > 0);

  return {
    logger,
    lines,
    entries: () => lines().map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
