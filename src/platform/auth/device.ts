import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * D13: a device that completed a sign-in before carries a long-lived signed cookie naming it and the accounts that
 * signed in on it. Failed sign-ins are counted per (account, source), and such a device is its own source: a lockout
 * caused by someone else's guessing does not shut out the account's owner on a known device (with the right
 * password). The signature (HMAC-SHA256 under a key derived from APP_SECRET) stops a client from forging one.
 */
export const DEVICE_COOKIE = 'sd_device';
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 86_400;
const MAX_USERS = 5;

export type Device = { id: string; users: string[] };

function sign(payload: string, secret: string): Buffer {
  return createHmac('sha256', `${secret}:sd_device`).update(payload).digest();
}

export function readDevice(value: string | undefined, secret: string): Device | null {
  if (!value) return null;
  const [payload, sig] = value.split('.');
  if (!payload || !sig) return null;
  const expected = sign(payload, secret);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { d, u } = parsed as { d?: unknown; u?: unknown };
    if (typeof d !== 'string' || !Array.isArray(u) || !u.every((x) => typeof x === 'string')) return null;
    return { id: d, users: u as string[] };
  } catch {
    return null;
  }
}

/** The device after `userId` signed in on it (a new device when there was none): most recent account first. */
export function rememberUser(device: Device | null, userId: string): Device {
  const users = [userId, ...(device?.users ?? []).filter((u) => u !== userId)].slice(0, MAX_USERS);
  return { id: device?.id ?? randomBytes(16).toString('base64url'), users };
}

export function writeDevice(device: Device, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ d: device.id, u: device.users })).toString('base64url');
  return `${payload}.${sign(payload, secret).toString('base64url')}`;
}
