/**
 * Password hashing with scrypt from node:crypto. The stored form carries its own parameters
 * (scrypt$N$r$p$salt$hash, base64url) so they can be raised later without locking anyone out.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { passwordRefusal, type PasswordContext } from './password-policy';

export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, passwordRefusal, type PasswordContext, type PasswordRefusal } from './password-policy';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, opts: ScryptOptions & { N: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...opts, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when `password` matches `stored`; false for a malformed stored hash. Constant time in the key. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to compare against when the account does not exist, so a wrong email takes as long as a wrong password. */
export const DECOY_HASH = hashPassword(randomBytes(12).toString('hex'));

/**
 * Why a new password is refused, in words after "password " ("must be at least 10 characters", "is on
 * a list of commonly used or breached passwords: …"), or null. passwordRefusal gives the error code too.
 */
export function passwordProblem(password: string, context?: PasswordContext): string | null {
  return passwordRefusal(password, context)?.message ?? null;
}
