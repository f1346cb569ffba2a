/**
 * The device cookie: a browser that signed in to an account keeps a sealed note of it (the emails it
 * signed in to, at most a few), so that while that account is under attack from many addresses, and
 * new browsers are refused, its owner's own browsers can still sign in. Sealed with the server's key
 * (JWE): it can be neither read nor forged; it grants nothing by itself, a password is still needed.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Sealer } from './sealing';

export const DEVICE_COOKIE = 'twinspect_device';
const TTL_SECONDS = 180 * 24 * 3600;
/** Accounts remembered per browser, the latest first (a shared office PC signs in several people). */
const MAX_ACCOUNTS = 8;

interface DeviceNote {
  emails: string[];
}

async function read(sealer: Sealer, request: FastifyRequest): Promise<string[]> {
  const token = request.cookies[DEVICE_COOKIE];
  if (!token || token.length > 4096) return [];
  const note = await sealer.open<DeviceNote>(token);
  return Array.isArray(note?.emails) ? note.emails.filter((e): e is string => typeof e === 'string') : [];
}

/** Whether this browser has signed in to `email` (normalised) before. */
export async function knownDevice(sealer: Sealer, request: FastifyRequest, email: string): Promise<boolean> {
  return (await read(sealer, request)).includes(email);
}

/** Notes that this browser signed in to `email` (normalised). */
export async function rememberDevice(sealer: Sealer, request: FastifyRequest, reply: FastifyReply, email: string): Promise<void> {
  const emails = [email, ...(await read(sealer, request)).filter((e) => e !== email)].slice(0, MAX_ACCOUNTS);
  reply.setCookie(DEVICE_COOKIE, await sealer.seal({ emails }, TTL_SECONDS), {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: TTL_SECONDS,
  });
}
