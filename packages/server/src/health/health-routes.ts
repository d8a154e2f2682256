import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { migrationStatus } from '../db/migrator.js';
import { type ErrorCode, errorBody } from '../errors/error-registry.js';

/**
 * `/healthz`: the process is up (for restarts). `/readyz`: the database answers and its schema
 * is current (for taking traffic).
 */
export async function registerHealthRoutes(
  app: FastifyInstance,
  database: Database,
): Promise<void> {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const problem = await readinessProblem(database);
    if (problem === null) return { status: 'ready' };

    request.log.warn({ code: problem }, 'not ready');
    return reply.code(503).send(errorBody(problem));
  });
}

async function readinessProblem(database: Database): Promise<ErrorCode | null> {
  try {
    await sql`SELECT 1`.execute(database.db);
  } catch {
    return 'DB_UNAVAILABLE';
  }

  try {
    const status = await migrationStatus(database.db);
    return status.state === 'current' ? null : 'DB_MIGRATIONS_PENDING';
  } catch {
    // No history table yet: nothing has been migrated.
    return 'DB_MIGRATIONS_PENDING';
  }
}
