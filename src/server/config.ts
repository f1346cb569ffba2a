/**
 * The server's settings, read once from the environment. Every bad value gives an error that names the
 * variable, what it must be, and what it was.
 */
import { resolve } from 'node:path';
import { readOidcConfig } from './auth/oidc';
import type { OidcConfig } from './auth/oidc-config';
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
}

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

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
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
  };
}
