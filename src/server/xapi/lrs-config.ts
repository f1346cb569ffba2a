/**
 * Where xAPI statements go: the agency's learning record store, read from the environment. With no
 * LRS_ENDPOINT, xAPI is off (nothing is queued). Errors name the variable, what it must be and what it
 * was; the password is never shown, and it is kept only inside the ready-made Authorization header.
 */
import { ConfigError } from '../config';

export interface LrsConfig {
  /** Absolute http(s) URL ending in "/". */
  endpoint: string;
  /** `${endpoint}statements` */
  statementsUrl: string;
  username: string;
  /** "Basic <base64(username:password)>"; not enumerable, so it stays out of logs and JSON. */
  authorization: string;
  /** xAPI actor.account.homePage: the agency's account system (an IRL). */
  accountHomePage: string;
  /** Activity ids live under it; no trailing "/". */
  activityBase: string;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_ACTIVITY_BASE = 'https://twinspect.local/xapi';

function text(env: Env, key: string): string | undefined {
  const value = env[key];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Hides a password in a URL before it is shown in an error. */
function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function httpUrl(key: string, raw: string, what: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError(`${key} must be ${what}, got '${redact(raw)}'`);
  }
  return url;
}

function endpointOf(env: Env): URL | undefined {
  const raw = text(env, 'LRS_ENDPOINT');
  if (raw === undefined) return undefined;
  const what = 'an absolute http(s) URL like https://lrs.example/xapi/';
  const url = httpUrl('LRS_ENDPOINT', raw, what);
  if (url.username || url.password) {
    throw new ConfigError(`LRS_ENDPOINT must not hold credentials (set LRS_USERNAME and LRS_PASSWORD), got '${redact(raw)}'`);
  }
  if (url.search || url.hash) {
    throw new ConfigError(`LRS_ENDPOINT must be ${what} with no query or fragment, got '${raw}'`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The LRS settings, or undefined when LRS_ENDPOINT is not set (xAPI off). */
export function readLrsConfig(env: Env = process.env): LrsConfig | undefined {
  const endpoint = endpointOf(env);
  if (!endpoint) return undefined;
  const username = text(env, 'LRS_USERNAME');
  // The password is taken as is (spaces may be part of it); only "unset or empty" is missing.
  const password = env.LRS_PASSWORD;
  if (username === undefined) {
    throw new ConfigError('LRS_USERNAME must be set when LRS_ENDPOINT is set (the LRS Basic auth user), got nothing');
  }
  if (username.includes(':')) {
    throw new ConfigError(`LRS_USERNAME must not contain ':' (Basic auth), got '${username}'`);
  }
  if (password === undefined || password === '') {
    throw new ConfigError('LRS_PASSWORD must be set when LRS_ENDPOINT is set (the LRS Basic auth password), got nothing');
  }

  const homeRaw = text(env, 'XAPI_ACCOUNT_HOMEPAGE');
  // Kept as written: an LRS compares account homePages as strings, so normalising would split a person.
  if (homeRaw) httpUrl('XAPI_ACCOUNT_HOMEPAGE', homeRaw, "an IRL (absolute http(s) URL) for the agency's account system");
  const accountHomePage = homeRaw ?? endpoint.origin;
  const baseRaw = text(env, 'XAPI_ACTIVITY_BASE');
  if (baseRaw) httpUrl('XAPI_ACTIVITY_BASE', baseRaw, 'an absolute http(s) URL like https://twinspect.example/xapi');
  const activityBase = baseRaw ? baseRaw.replace(/\/+$/, '') : DEFAULT_ACTIVITY_BASE;

  const config = {
    endpoint: endpoint.href,
    statementsUrl: `${endpoint.href}statements`,
    username,
    accountHomePage,
    activityBase,
  } as LrsConfig;
  // Not enumerable: logging or serialising the config does not print the (merely base64'd) password.
  Object.defineProperty(config, 'authorization', {
    value: `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`,
    enumerable: false,
  });
  return config;
}
