import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.js';
import {
  assertRuntimeRoleIsSafe,
  UnsafeRuntimeRoleError,
} from '../../src/db/runtime-role-check.js';
import { testKeys } from '../support/keyring.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres.js';
import { MAIN_JS, runNode } from '../support/process.js';

let scratch: ScratchDatabase;

beforeAll(async () => {
  scratch = await createScratchDatabase();
});
afterAll(async () => {
  await scratch.drop();
});

async function checkRole(url: string): Promise<unknown> {
  const database = openPostgres(url, 1);
  try {
    await assertRuntimeRoleIsSafe(database.db);
    return null;
  } catch (error) {
    return error;
  } finally {
    await database.close();
  }
}

describe('the runtime role cannot bypass row-level security', () => {
  it('accepts the provisioned runtime role', async () => {
    expect(await checkRole(scratch.urls.runtime)).toBeNull();
  });

  it.each([
    ['a superuser', 'superuser', /superuser/],
    ['a BYPASSRLS role', 'bypass', /BYPASSRLS/],
    ['the table owner', 'owner', /owns tables/],
  ] as const)('refuses %s', async (_label, role, reason) => {
    const error = await checkRole(scratch.urls[role]);

    expect(error).toBeInstanceOf(UnsafeRuntimeRoleError);
    expect(String(error)).toMatch(reason);
  });

  it('stops the server process with a clear message when started as a superuser', async () => {
    const result = await runNode(MAIN_JS, [], {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: scratch.urls.superuser,
      PORT: '0',
      ...testKeys().env,
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refusing to run as database role .*superuser/);
  });
});
