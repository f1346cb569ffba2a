/**
 * The server's settings, read once from the environment. Every bad value gives an error that names the
 * variable, what it must be, and what it was.
 */
import { resolve } from 'node:path';
import { ROLES } from '../domain/roles';
import { readOidcConfig } from './auth/oidc';
import type { OidcConfig } from './auth/oidc-config';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './auth/sign-in-throttle';
import { readLrsConfig, type LrsConfig } from './xapi/lrs-config';

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder for the embedded database (PGlite lives in DATA_DIR/pglite). */
  dataDir: string;
  /** When set, PostgreSQL is used instead of PGlite. */
  databaseUrl: string | undefined;
  /** The built-in content pack (pack.json, products/<id>/...). */
  contentDir: string;
  /** The built client (vite build output). */
  distDir: string;
  /** Sign-in with the agency's OpenID Connect provider, when configured. */
  oidc?: OidcConfig | undefined;
  /** The agency's learning record store, when configured: every attempt goes there as xAPI statements. */
  lrs?: LrsConfig | undefined;
  /** Where the Scan page loads the detector's model.json from (default: the copy this server serves). */
  scanModelUrl?: string | undefined;
  /** Shared live sessions across several server processes: their Redis (REDIS_URL). */
  redisUrl?: string | undefined;
  /** How other processes' clients reach this one ('host:port'), with Redis; default HOST:PORT. */
  publicAddress?: string | undefined;
  /** How much the server logs (LOG_LEVEL); no logger at all when unset (tests). */
  logLevel?: LogLevel | undefined;
  /** One JSON object per line, or plain lines for a terminal (LOG_FORMAT). */
  logFormat?: LogFormat | undefined;
  /** Which proxies' X-Forwarded-* headers are believed (TRUST_PROXY): fastify's trustProxy option. */
  trustProxy?: boolean | number | string[] | undefined;
  /** Failed sign-ins allowed per client address and per (email, address) pair; the rest from DEFAULT_SIGN_IN_LIMITS. */
  signInLimits?: Partial<SignInLimits> | undefined;
  /** How long a graceful shutdown may take before the process exits anyway (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs?: number | undefined;
  /** How long /readyz answers 503 before the server stops taking requests (SHUTDOWN_DRAIN_MS). */
  shutdownDrainMs?: number | undefined;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'json' | 'text';

/** One setting as the configuration reference shows it (README "Configuration", `npm run config:reference`). */
export interface Setting {
  name: string;
  type: string;
  /** The value when unset, shown as code; neither this nor defaultNote: unset (the feature is off). */
  default?: string;
  /** A default that is not one value, in words. */
  defaultNote?: string;
  description: string;
  /** Read by `npm start` before the server (src/server/cli/start.mjs), not by loadConfig. */
  startOnly?: boolean;
}

/** Every environment variable the server reads, in the order the reference lists them. */
export const SETTINGS: readonly Setting[] = [
  { name: 'PORT', type: 'integer 1-65535', default: '8080', description: 'the one port for the app, the API, the live sessions and the health checks' },
  { name: 'HOST', type: 'host name or IP', default: '0.0.0.0', description: "listen address (a headset on the LAN reaches the desktop's address)" },
  { name: 'DATA_DIR', type: 'folder', default: './data', description: 'the embedded PGlite database (`DATA_DIR/pglite`)' },
  { name: 'DATABASE_URL', type: 'postgres:// URL', description: 'use PostgreSQL instead of PGlite (migrations run at start)' },
  { name: 'CONTENT_DIR', type: 'folder', default: './content', description: 'the built-in content pack' },
  { name: 'DIST_DIR', type: 'folder', default: './dist', description: 'the built client (`vite build` output)' },
  { name: 'TWINSPECT_SKIP_BUILD', type: '`1`', description: '`npm start` only: do not rebuild a stale client', startOnly: true },
  { name: 'OIDC_ISSUER', type: 'https URL', description: "sign-in with the agency's OpenID Connect provider (with the client id and secret)" },
  { name: 'OIDC_CLIENT_ID', type: 'text', description: 'the client id registered with the provider' },
  { name: 'OIDC_CLIENT_SECRET', type: 'secret', description: 'the client secret (never logged)' },
  { name: 'OIDC_REDIRECT_URL', type: 'URL', defaultNote: 'from the request', description: 'the callback URL registered with the provider' },
  { name: 'OIDC_DEFAULT_ROLE', type: ROLES.filter((r) => r !== 'admin').join(' | '), default: 'trainee', description: 'the role of an account made at its first single sign-on (not `admin`)' },
  { name: 'LRS_ENDPOINT', type: 'http(s) URL', description: 'send every attempt to this learning record store as xAPI (with the user name and password)' },
  { name: 'LRS_USERNAME', type: 'text', description: "the LRS's Basic auth user" },
  { name: 'LRS_PASSWORD', type: 'secret', description: "the LRS's Basic auth password (never logged)" },
  { name: 'XAPI_ACCOUNT_HOMEPAGE', type: 'URL', defaultNote: "the LRS's origin", description: "`actor.account.homePage`: the agency's account system" },
  { name: 'XAPI_ACTIVITY_BASE', type: 'URL', default: 'https://twinspect.local/xapi', description: 'the IRI under which drills are named as activities' },
  { name: 'REDIS_URL', type: 'redis:// or rediss:// URL', description: 'share live sessions between several server processes' },
  { name: 'PUBLIC_ADDRESS', type: 'host:port', defaultNote: '`HOST:PORT`', description: "with Redis: where browsers reach this process's live rooms" },
  { name: 'SCAN_MODEL_URL', type: 'path or http(s) URL', default: '/models/coco-ssd/model.json', description: "the detector's model for Scan: a path here, or an http(s) URL" },
  { name: 'LOG_LEVEL', type: LOG_LEVELS.join(' | '), default: 'info', description: 'how much the server logs; each request is one line at `info` (health checks at `debug`)' },
  { name: 'LOG_FORMAT', type: 'json | text', defaultNote: '`text` on a terminal, `json` when the output is not a terminal or `NODE_ENV=production`', description: 'one JSON object per line (level, time, msg, reqId, ...), or plain lines for a terminal; the same on every start' },
  { name: 'NODE_ENV', type: 'text', description: '`production` makes JSON logs the default, even on a terminal' },
  { name: 'TRUST_PROXY', type: 'false | true | hop count | IP/CIDR list', default: 'false', description: "behind a reverse proxy: whose `X-Forwarded-For`/`-Proto`/`-Host` to believe (client IPs for sign-in limits, https for `Secure` cookies, the host for the cross-site check); prefer the proxy's address: with `true` or a hop count, anyone who reaches the server directly is believed too" },
  { name: 'SIGN_IN_ADDRESS_FAILURES', type: 'integer 1-100000', default: String(DEFAULT_SIGN_IN_LIMITS.addressFailures), description: 'failed sign-ins one client address may make, across all accounts, in 15 minutes; then it waits for the rest of them (an office behind one NAT shares one address)' },
  { name: 'SIGN_IN_ACCOUNT_FAILURES', type: 'integer 1-1000', default: String(DEFAULT_SIGN_IN_LIMITS.accountFailures), description: 'failed sign-ins on one account from one address before that address waits 1 minute, doubling at each further lock up to 15; the owner signing in from elsewhere is not refused' },
  { name: 'SHUTDOWN_TIMEOUT_MS', type: 'integer ms', default: '10000', description: 'on SIGTERM/SIGINT, exit anyway (code 1) if the graceful shutdown takes longer, counted from the signal (drain included)' },
  { name: 'SHUTDOWN_DRAIN_MS', type: 'integer ms', default: '0', description: "on SIGTERM/SIGINT, keep serving this long with `/readyz` at 503 so a load balancer stops sending traffic first" },
];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function text(env: Env, key: string): string | undefined {
  const value = env[key];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function port(env: Env): number {
  const raw = text(env, 'PORT');
  if (raw === undefined) return 8080;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new ConfigError(`PORT must be an integer 1-65535, got '${raw}'`);
  }
  return n;
}

function host(env: Env): string {
  const raw = text(env, 'HOST') ?? '0.0.0.0';
  if (/\s|\//.test(raw)) throw new ConfigError(`HOST must be a host name or IP address, got '${raw}'`);
  return raw;
}

function databaseUrl(env: Env): string | undefined {
  const raw = text(env, 'DATABASE_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DATABASE_URL must be a URL like postgres://user:password@host:5432/db, got '${redact(raw)}'`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got '${redact(raw)}'`);
  }
  return raw;
}

/** Hides a password in a URL before it is shown in an error. */
function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** SCAN_MODEL_URL: a path on this server ("/models/...") or an absolute http(s) URL of a coco-ssd model.json. */
function scanModelUrl(env: Env): string | undefined {
  const raw = text(env, 'SCAN_MODEL_URL');
  if (raw === undefined) return undefined;
  const ok = raw.startsWith('/') ? !raw.startsWith('//') : /^https?:\/\/[^/\s]+\/\S*$/.test(raw);
  if (!ok || !raw.endsWith('.json')) {
    throw new ConfigError(`SCAN_MODEL_URL must be a path like /models/coco-ssd/model.json or an http(s) URL of a model.json, got '${raw}'`);
  }
  return raw;
}

function folder(env: Env, key: string, fallback: string, cwd: string): string {
  const raw = text(env, key) ?? fallback;
  if (raw.includes('\0')) throw new ConfigError(`${key} must be a folder path, got '${raw}'`);
  return resolve(cwd, raw);
}

function redisUrl(env: Env): string | undefined {
  const raw = text(env, 'REDIS_URL');
  if (raw === undefined) return undefined;
  if (!/^rediss?:\/\/[^\s]+$/.test(raw)) throw new ConfigError(`REDIS_URL must look like redis://host:6379, got '${raw.replace(/:[^:@/]*@/, ':***@')}'`);
  return raw;
}

function publicAddress(env: Env): string | undefined {
  const raw = text(env, 'PUBLIC_ADDRESS');
  if (raw !== undefined && !/^[\w.-]+(:\d{1,5})?$/.test(raw)) throw new ConfigError(`PUBLIC_ADDRESS must be host:port, got '${raw}'`);
  return raw;
}

function logLevel(env: Env): LogLevel {
  const raw = text(env, 'LOG_LEVEL')?.toLowerCase() ?? 'info';
  const level = LOG_LEVELS.find((l) => l === raw);
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${raw}'`);
  return level;
}

/**
 * LOG_FORMAT, else the default: plain lines on a terminal, JSON when the output goes elsewhere (a file,
 * a pipe, a log collector) or NODE_ENV=production. `terminal`: whether stdout is a terminal.
 */
export function logFormatOf(env: Env, terminal: boolean): LogFormat | undefined {
  const production = text(env, 'NODE_ENV') === 'production';
  const raw = text(env, 'LOG_FORMAT')?.toLowerCase();
  if (raw === undefined) return production || !terminal ? 'json' : 'text';
  return raw === 'json' || raw === 'text' ? raw : undefined;
}

function logFormat(env: Env, terminal: boolean): LogFormat {
  const format = logFormatOf(env, terminal);
  if (!format) throw new ConfigError(`LOG_FORMAT must be json or text, got '${text(env, 'LOG_FORMAT')?.toLowerCase()}'`);
  return format;
}

function trustProxy(env: Env): boolean | number | string[] {
  const raw = text(env, 'TRUST_PROXY');
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const list = raw.split(',').map((a) => a.trim());
  if (list.some((a) => !/^[\da-fA-F:.]+(\/\d{1,3})?$/.test(a))) {
    throw new ConfigError(`TRUST_PROXY must be true, false, a hop count or a comma-separated list of IP addresses/CIDR ranges, got '${raw}'`);
  }
  return list;
}

function count(env: Env, key: string, max: number): number | undefined {
  const raw = text(env, key);
  if (raw === undefined) return undefined;
  const n = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= max)) throw new ConfigError(`${key} must be a whole number from 1 to ${max}, got '${raw}'`);
  return n;
}

/** The sign-in limits the environment sets; undefined when it sets none (the defaults apply). */
function signInLimits(env: Env): Partial<SignInLimits> | undefined {
  const addressFailures = count(env, 'SIGN_IN_ADDRESS_FAILURES', 100_000);
  const accountFailures = count(env, 'SIGN_IN_ACCOUNT_FAILURES', 1000);
  if (addressFailures === undefined && accountFailures === undefined) return undefined;
  return { ...(addressFailures !== undefined && { addressFailures }), ...(accountFailures !== undefined && { accountFailures }) };
}

function millis(env: Env, key: string, fallback: number): number {
  const raw = text(env, key);
  if (raw === undefined) return fallback;
  if (!/^\d{1,7}$/.test(raw)) throw new ConfigError(`${key} must be a whole number of milliseconds (0-9999999), got '${raw}'`);
  return Number(raw);
}

/** `terminal`: whether the logs go to a terminal (plain lines by default there, JSON elsewhere). */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd(), terminal: boolean = process.stdout.isTTY === true): ServerConfig {
  return {
    port: port(env),
    host: host(env),
    dataDir: folder(env, 'DATA_DIR', './data', cwd),
    databaseUrl: databaseUrl(env),
    contentDir: folder(env, 'CONTENT_DIR', './content', cwd),
    distDir: folder(env, 'DIST_DIR', './dist', cwd),
    oidc: readOidcConfig(env),
    lrs: readLrsConfig(env),
    scanModelUrl: scanModelUrl(env),
    redisUrl: redisUrl(env),
    publicAddress: publicAddress(env),
    logLevel: logLevel(env),
    logFormat: logFormat(env, terminal),
    trustProxy: trustProxy(env),
    signInLimits: signInLimits(env),
    shutdownTimeoutMs: millis(env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
    shutdownDrainMs: millis(env, 'SHUTDOWN_DRAIN_MS', 0),
  };
}
