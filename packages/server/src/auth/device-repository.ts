import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { ClientContext } from './client-context.js';

export interface DeviceRow {
  readonly device_id: string;
  readonly browser_family: string;
  readonly country: string | null;
  readonly region: string | null;
  readonly first_seen_at: Date;
  readonly last_seen_at: Date;
  readonly revoked_at: Date | null;
}

const DEVICE_COLUMNS = [
  'device_id',
  'browser_family',
  'country',
  'region',
  'first_seen_at',
  'last_seen_at',
  'revoked_at',
] as const;

/** The user's device row for a device token (revoked or not), or null. */
export async function findDevice(
  db: Db,
  userId: string,
  tokenHash: Uint8Array,
): Promise<DeviceRow | null> {
  const row = await db
    .selectFrom('user_devices')
    .select(DEVICE_COLUMNS)
    .where('user_id', '=', userId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertDevice(
  db: Db,
  device: { userId: string; tokenHash: Uint8Array; client: ClientContext; now: Date },
): Promise<string> {
  const deviceId = randomUUID();
  await db
    .insertInto('user_devices')
    .values({
      device_id: deviceId,
      user_id: device.userId,
      token_hash: device.tokenHash,
      browser_family: device.client.browserFamily,
      country: device.client.country,
      region: device.client.region,
      first_seen_at: device.now,
      last_seen_at: device.now,
    })
    .execute();
  return deviceId;
}

export async function touchDevice(
  db: Db,
  deviceId: string,
  client: ClientContext,
  now: Date,
): Promise<void> {
  await db
    .updateTable('user_devices')
    .set({
      last_seen_at: now,
      browser_family: client.browserFamily,
      country: client.country,
      region: client.region,
    })
    .where('device_id', '=', deviceId)
    .execute();
}

/** The user's recognised (unrevoked) devices, most recently used first. */
export async function listDevices(db: Db, userId: string): Promise<DeviceRow[]> {
  return db
    .selectFrom('user_devices')
    .select(DEVICE_COLUMNS)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/**
 * Revokes one of the user's devices and ends the sessions opened on it. Its token is then never
 * recognised again: the next sign-in from that browser verifies it afresh under a new token.
 */
export async function revokeDevice(
  db: Db,
  userId: string,
  deviceId: string,
  now: Date,
): Promise<boolean> {
  const revoked = await db
    .updateTable('user_devices')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('device_id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .returning('device_id')
    .executeTakeFirst();
  if (revoked === undefined) return false;

  await db
    .deleteFrom('user_sessions')
    .where('user_id', '=', userId)
    .where('device_id', '=', deviceId)
    .execute();
  return true;
}
