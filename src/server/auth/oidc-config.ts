/**
 * OpenID Connect sign-in is offered when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set.
 * Errors name the variable, what it must be and what it was; the client secret is never shown.
 */
import { ROLES, type Role } from '../../domain/roles';
import { ConfigError } from '../config';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Not enumerable in what readOidcConfig returns (kept out of logs): read it, do not spread the config. */
  clientSecret: string;
  /** Where the provider sends the browser back; by default derived from the request's host. */
  redirectUrl: string | undefined;
  /** The role of an account made at its first OpenID Connect sign-in. */
  defaultRole: Role;
}

type Env = Record<string, string | undefined>;

const REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/** Hosts where a plain-http issuer is accepted: a provider on this machine (tests, local trials). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** Roles an account made at sign-in may get: never admin, which only an administrator gives. */
export const OIDC_DEFAULT_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'admin');

function text(env: Env, key: string): string | undefined {
  const value = env[key];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function absoluteUrl(key: string, raw: string, what: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.hash) {
    throw new ConfigError(`${key} must be ${what}, got '${raw}'`);
  }
  return url;
}

function issuerOf(raw: string): string {
  const url = absoluteUrl('OIDC_ISSUER', raw, 'an absolute http(s) URL like https://login.agency.example/realms/staff');
  // An issuer over plain http would let anyone on the path forge sign-ins; only a provider on this machine may use it.
  if (url.protocol === 'http:' && !isLoopbackHttp(url)) {
    throw new ConfigError(`OIDC_ISSUER must use https (plain http only for 127.0.0.1 or localhost), got '${raw}'`);
  }
  if (url.search) throw new ConfigError(`OIDC_ISSUER must have no query string, got '${raw}'`);
  return raw;
}

function defaultRoleOf(env: Env): Role {
  const raw = text(env, 'OIDC_DEFAULT_ROLE');
  if (raw === undefined) return 'trainee';
  const role = OIDC_DEFAULT_ROLES.find((r) => r === raw);
  if (!role) {
    throw new ConfigError(`OIDC_DEFAULT_ROLE must be one of ${OIDC_DEFAULT_ROLES.join(', ')} (admin is given only by an administrator), got '${raw}'`);
  }
  return role;
}

/** The OpenID Connect settings, or undefined when none of the three required variables is set (sign-in is local only). */
export function readOidcConfig(env: Env = process.env): OidcConfig | undefined {
  const missing = REQUIRED.filter((key) => text(env, key) === undefined);
  if (missing.length === REQUIRED.length) return undefined;
  if (missing.length > 0) {
    throw new ConfigError(
      `${missing.join(', ')} must be set too: OpenID Connect sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, got only ${REQUIRED.filter((k) => !missing.includes(k)).join(', ')}`,
    );
  }
  const redirect = text(env, 'OIDC_REDIRECT_URL');
  const config = {
    issuer: issuerOf(text(env, 'OIDC_ISSUER')!),
    clientId: text(env, 'OIDC_CLIENT_ID')!,
    redirectUrl:
      redirect === undefined
        ? undefined
        : absoluteUrl('OIDC_REDIRECT_URL', redirect, 'an absolute http(s) URL like https://twinspect.agency.example/api/auth/oidc/callback').href,
    defaultRole: defaultRoleOf(env),
  } as OidcConfig;
  // Not enumerable, so the secret stays out of logs and JSON; it is taken as is (only "unset or empty" is missing).
  return Object.defineProperty(config, 'clientSecret', { value: env.OIDC_CLIENT_SECRET!, enumerable: false });
}
