/**
 * What the sign-in needs to remember between /start and /callback (state, nonce, PKCE verifier, where
 * to go back to) rides in a cookie, encrypted and authenticated (JWE, dir + A256GCM) with a key derived
 * from the client secret: the browser can neither read the verifier nor forge or alter the cookie, and
 * no server-side table is needed. It lives 10 minutes and is only sent to /api/auth/oidc/.
 */
import { hkdfSync } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EncryptJWT, jwtDecrypt } from 'jose';

export const OIDC_STATE_COOKIE = 'twinspect_oidc';
export const OIDC_STATE_MINUTES = 10;
const COOKIE_PATH = '/api/auth/oidc/';

export interface OidcState {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** 32 bytes for A256GCM, from the client secret: a changed secret makes sign-ins under way fail, nothing else. */
export function stateKey(clientSecret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', clientSecret, 'twinspect', 'twinspect oidc state cookie v1', 32));
}

export async function sealState(key: Uint8Array, value: OidcState): Promise<string> {
  return new EncryptJWT({ ...value })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(`${OIDC_STATE_MINUTES}m`)
    .encrypt(key);
}

/** The state, or a reason it cannot be used (said in the 400). */
export async function openState(key: Uint8Array, sealed: string | undefined): Promise<OidcState | { problem: string }> {
  if (!sealed) {
    return { problem: 'the sign-in cookie is missing (cookies blocked, more than 10 minutes passed, or the sign-in was not started here)' };
  }
  try {
    const { payload } = await jwtDecrypt(sealed, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    const { state, nonce, codeVerifier, returnTo } = payload;
    if (typeof state === 'string' && typeof nonce === 'string' && typeof codeVerifier === 'string' && typeof returnTo === 'string') {
      return { state, nonce, codeVerifier, returnTo };
    }
    return { problem: 'the sign-in cookie is incomplete' };
  } catch (err) {
    const expired = (err as { code?: unknown }).code === 'ERR_JWT_EXPIRED';
    return { problem: expired ? `the sign-in took more than ${OIDC_STATE_MINUTES} minutes` : 'the sign-in cookie is not valid' };
  }
}

export function setStateCookie(request: FastifyRequest, reply: FastifyReply, sealed: string): void {
  reply.setCookie(OIDC_STATE_COOKIE, sealed, {
    path: COOKIE_PATH,
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET navigation, which carries Lax cookies.
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: OIDC_STATE_MINUTES * 60,
  });
}

export function clearStateCookie(reply: FastifyReply): void {
  reply.clearCookie(OIDC_STATE_COOKIE, { path: COOKIE_PATH });
}
