/**
 * Sign-in with the agency's OpenID Connect provider (authorization code flow with PKCE S256, state and
 * nonce, via openid-client). /start sends the browser to the provider; /callback checks the answer,
 * finds or makes the account (by issuer + subject, never by email) and opens a session.
 *
 * An email already used by another account is refused (409) rather than linked: linking by email would
 * hand a local account, maybe an admin's, to whoever the provider vouches for under that address.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { startSession } from './cookies';
import { isLoopbackHttp, type OidcConfig } from './oidc-config';
import { clearStateCookie, OIDC_STATE_COOKIE, openState, sealState, setStateCookie, stateKey } from './oidc-state';
import type { SessionStore } from './session-store';
import { UserError, type UserRow, type UserStore } from './user-store';

export { readOidcConfig } from './oidc-config';

export const OIDC_START_PATH = '/api/auth/oidc/start';
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
const SCOPE = 'openid email profile';

/** A refusal shown to the person signing in: JSON for scripts, a short page for a browser. */
class OidcRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const failed = (reason: string) => new OidcRefusal(400, 'oidc_failed', `Sign-in with the agency account failed: ${reason}.`);

/** Discovery on first use, kept once it works; a failure is retried by the next sign-in (the provider may be back). */
function discoverer(config: OidcConfig): () => Promise<client.Configuration> {
  let pending: Promise<client.Configuration> | undefined;
  return () => {
    pending ??= discover(config).catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}

async function discover(config: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(config.issuer);
  // Plain http only for a provider on this machine (readOidcConfig refuses any other http issuer).
  const insecure = isLoopbackHttp(issuer);
  const found = await client.discovery(issuer, config.clientId, config.clientSecret, undefined, {
    execute: insecure ? [client.allowInsecureRequests] : [],
    timeout: 10,
  });
  // client_secret_basic is the OpenID Connect default; post only for a provider that says it lacks basic.
  const methods = found.serverMetadata().token_endpoint_auth_methods_supported;
  const auth =
    !methods || methods.includes('client_secret_basic')
      ? client.ClientSecretBasic(config.clientSecret)
      : client.ClientSecretPost(config.clientSecret);
  const configuration = new client.Configuration(found.serverMetadata(), config.clientId, config.clientSecret, auth);
  if (insecure) client.allowInsecureRequests(configuration);
  return configuration;
}

/** A path on this site ("/drill?x=1"), or "/": never another origin ("//evil", "/\\evil", "https://..."). */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500 || !value.startsWith('/') || /^\/[/\\]|[\u0000-\u001f\\]/.test(value)) {
    return '/';
  }
  const base = 'http://twinspect.invalid';
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}

function redirectUri(config: OidcConfig, request: FastifyRequest): string {
  return config.redirectUrl ?? `${request.protocol}://${request.host}${OIDC_CALLBACK_PATH}`;
}

function queryOf(request: FastifyRequest): URLSearchParams {
  return new URL(request.url, 'http://twinspect.invalid').searchParams;
}

/** What went wrong in the provider's answer or the token exchange, in words. */
function reasonOf(err: unknown): string {
  if (err instanceof client.AuthorizationResponseError || err instanceof client.ResponseBodyError) {
    return `the provider answered ${err.error}${err.error_description ? ` (${err.error_description})` : ''}`;
  }
  if (!(err instanceof Error)) return String(err);
  // openid-client's messages are generic ("invalid response encountered"); the cause says which check failed.
  const cause = err.cause instanceof Error && err.cause.message !== err.message ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}

interface Identity {
  issuer: string;
  subject: string;
  email: string;
  displayName: string | undefined;
}

type Tokens = Awaited<ReturnType<typeof client.authorizationCodeGrant>>;

/** The person from the ID token, with the userinfo endpoint's claims when the ID token carries no email. */
async function identityOf(oidc: client.Configuration, tokens: Tokens): Promise<Identity> {
  const idToken = tokens.claims();
  if (!idToken) throw failed('the provider sent no ID token');
  let claims: Record<string, unknown> = idToken;
  if (typeof idToken.email !== 'string' && oidc.serverMetadata().userinfo_endpoint) {
    claims = { ...(await client.fetchUserInfo(oidc, tokens.access_token, idToken.sub)), ...idToken };
  }
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email.includes('@') || email.length > 200) {
    throw new OidcRefusal(400, 'oidc_no_email', 'The agency sign-in gave no email address for this account, and Twinspect needs one. Ask the administrator of the agency sign-in to release the "email" claim to Twinspect.');
  }
  if (claims.email_verified === false) {
    throw new OidcRefusal(400, 'oidc_email_unverified', `The agency sign-in says the email ${email} is not verified. Verify it with the agency sign-in, then try again.`);
  }
  const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 200) : '';
  return { issuer: idToken.iss, subject: idToken.sub, email, displayName: name || undefined };
}

const emailTaken = (email: string) =>
  new OidcRefusal(409, 'oidc_email_taken', `Twinspect already has an account with the email ${email} that is not linked to this agency sign-in. An administrator must link it before you can sign in this way.`);

/** The account of this issuer + subject, made at the first sign-in. */
async function accountOf(users: UserStore, config: OidcConfig, who: Identity): Promise<UserRow> {
  const known = await users.byOidc(who.issuer, who.subject);
  if (known) return known;
  if (await users.byEmail(who.email)) throw emailTaken(who.email);
  try {
    return await users.create({ email: who.email, role: config.defaultRole, displayName: who.displayName, oidc: { issuer: who.issuer, subject: who.subject } });
  } catch (err) {
    if (err instanceof UserError && err.code === 'email_taken') throw emailTaken(who.email);
    // Two first sign-ins at once: the other one made the account.
    const made = await users.byOidc(who.issuer, who.subject);
    if (made) return made;
    throw err;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function refuse(request: FastifyRequest, reply: FastifyReply, refusal: OidcRefusal): FastifyReply {
  reply.code(refusal.status).header('cache-control', 'no-store');
  // The callback is reached by a browser navigation: show a page there, not raw JSON.
  if (request.headers.accept?.includes('text/html')) {
    return reply
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign-in failed · Twinspect</title><h1>Sign-in failed</h1><p>${escapeHtml(refusal.message)}</p><p><a href="/">Back to Twinspect</a></p></html>`);
  }
  return reply.send({ error: refusal.code, message: refusal.message });
}

export async function registerOidcRoutes(
  app: FastifyInstance,
  deps: { users: UserStore; sessions: SessionStore; config: OidcConfig },
): Promise<void> {
  const { users, sessions, config } = deps;
  const configuration = discoverer(config);
  const key = stateKey(config.clientSecret);

  /** The provider's settings, or a 502 naming the issuer that could not be reached. */
  const provider = async (request: FastifyRequest) => {
    try {
      return await configuration();
    } catch (err) {
      request.log.warn({ err, issuer: config.issuer }, 'OpenID Connect discovery failed');
      throw new OidcRefusal(502, 'oidc_unavailable', `The agency sign-in at ${config.issuer} cannot be reached right now (${reasonOf(err)}). Try again later, or sign in with a password.`);
    }
  };

  app.get(OIDC_START_PATH, { config: { access: 'public' } }, async (request, reply) => {
    try {
      const oidc = await provider(request);
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const returnTo = safeReturnTo(queryOf(request).get('returnTo'));
      setStateCookie(request, reply, await sealState(key, { state, nonce, codeVerifier, returnTo }));
      const url = client.buildAuthorizationUrl(oidc, {
        redirect_uri: redirectUri(config, request),
        scope: SCOPE,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return reply.header('cache-control', 'no-store').redirect(url.href, 302);
    } catch (err) {
      if (err instanceof OidcRefusal) return refuse(request, reply, err);
      throw err;
    }
  });

  app.get(OIDC_CALLBACK_PATH, { config: { access: 'public' } }, async (request, reply) => {
    // One use only, whatever happens next.
    const saved = await openState(key, request.cookies[OIDC_STATE_COOKIE]);
    clearStateCookie(reply);
    try {
      if ('problem' in saved) throw failed(saved.problem);
      const oidc = await provider(request);
      const currentUrl = new URL(redirectUri(config, request));
      currentUrl.search = queryOf(request).toString();
      let who: Identity;
      try {
        const tokens = await client.authorizationCodeGrant(oidc, currentUrl, {
          pkceCodeVerifier: saved.codeVerifier,
          expectedState: saved.state,
          expectedNonce: saved.nonce,
          idTokenExpected: true,
        });
        who = await identityOf(oidc, tokens);
      } catch (err) {
        if (err instanceof OidcRefusal) throw err;
        request.log.info({ err }, 'OpenID Connect callback refused');
        throw failed(reasonOf(err));
      }
      const user = await accountOf(users, config, who);
      if (user.deactivatedAt) {
        throw new OidcRefusal(403, 'account_deactivated', `The Twinspect account ${user.email} is deactivated. Ask an administrator to reactivate it.`);
      }
      await startSession(sessions, request, reply, user.id);
      return reply.header('cache-control', 'no-store').redirect(saved.returnTo, 302);
    } catch (err) {
      if (err instanceof OidcRefusal) return refuse(request, reply, err);
      throw err;
    }
  });
}
