/**
 * The server's error codes in the reader's language: every code the server sends has its text in the
 * `errors` namespace (a code added later without one fails here), except the few whose server message
 * names the field or file at fault and so is shown as it comes; errorText falls back to the server's
 * message for any other code, and ApiError's message goes through it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError, errorText, hasErrorText } from '../../../src/app/api';
import { REFUSAL_CODES } from '../../../src/domain/live-protocol';
import { i18n, setLanguage } from '../../../src/i18n/i18n';

const ROOT = join(import.meta.dirname, '../../..');

/** Codes whose server message says which field, path or file is wrong: the client shows it as it comes. */
const SERVER_WORDED = new Set([
  'invalid_request', // validation issues, each with its path
  'invalid_message', // the live protocol's validation issues, with the path
  'upload_refused', // the model or photo checker's issues, with their pointers
  'invalid_pack', // a content pack's issues, with the file and path in it
  'weak_password', // says what the password lacks
  'wrong_answer_kind', // names the drill's kind and the answer's
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every error code in src/server: `{ error: 'code' }` bodies, `XError(status, 'code', …)`, `UserError('code', …)`, intents refused. */
function serverCodes(): Set<string> {
  const patterns = [
    /error: '([a-z_]+)'/g,
    /(?:Error|Refusal)\(\s*\d{3},\s*'([a-z_]+)'/g,
    /UserError\(\s*'([a-z_]+)'/g,
    /IntentRefused\(\s*'([a-z_]+)'/g,
  ];
  const codes = new Set<string>(REFUSAL_CODES);
  for (const file of sourceFiles(join(ROOT, 'src/server'))) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) codes.add(m[1]!);
  }
  return codes;
}

const errorsEn = JSON.parse(readFileSync(join(ROOT, 'src/i18n/locales/en/errors.json'), 'utf8')) as Record<string, string>;

describe('the errors namespace', () => {
  const codes = serverCodes();

  it('finds the server codes (the scan works)', () => {
    for (const code of ['not_signed_in', 'drill_not_found', 'product_exists', 'email_taken', 'oidc_unavailable', 'wrong_phase', 'invalid_request']) {
      expect(codes, code).toContain(code);
    }
    expect(codes.size).toBeGreaterThan(40);
  });

  it('has a text for every code the server sends, except those whose server message names the field at fault', () => {
    const missing = [...codes].filter((c) => !SERVER_WORDED.has(c) && !(c in errorsEn));
    expect(missing, 'add these codes to src/i18n/locales/*/errors.json').toEqual([]);
  });

  it('has no text for a code that keeps the server message, nor for a code the server does not send', () => {
    expect(Object.keys(errorsEn).filter((k) => SERVER_WORDED.has(k))).toEqual([]);
    expect(Object.keys(errorsEn).filter((k) => !codes.has(k))).toEqual([]);
  });
});

describe('errorText', () => {
  afterAll(() => setLanguage('en'));

  it('gives the text for a known code', () => {
    setLanguage('en');
    expect(errorText('drill_not_found', 'No drill 1234.')).toBe('This drill does not exist.');
    expect(hasErrorText('drill_not_found')).toBe(true);
  });

  it('falls back to the given message for an unknown code, and for a code that keeps the server message', () => {
    setLanguage('en');
    expect(errorText('no_such_code_here', 'The server said this.')).toBe('The server said this.');
    expect(errorText('invalid_request', 'body.email: invalid email')).toBe('body.email: invalid email');
    expect(errorText('', 'fallback')).toBe('fallback');
    expect(errorText('Payload Too Large', 'Request body is too large')).toBe('Request body is too large');
    expect(hasErrorText('invalid_request')).toBe(false);
  });

  it("speaks the interface's language", () => {
    setLanguage('es');
    expect(i18n.language).toBe('es');
    expect(errorText('drill_not_found', 'No drill 1234.')).toBe('Este ejercicio no existe.');
    setLanguage('fr');
    expect(errorText('drill_not_found', 'No drill 1234.')).toBe('Cet exercice n’existe pas.');
  });

  it("makes ApiError's message, keeping the server's", () => {
    setLanguage('es');
    const translated = new ApiError(404, 'product_not_found', 'No product "x"', []);
    expect(translated.message).toBe('Este producto no está en el catálogo.');
    expect(translated.serverMessage).toBe('No product "x"');
    expect(translated.translated).toBe(true);
    const kept = new ApiError(400, 'invalid_request', 'body.name: required', [{ path: 'body.name', message: 'required' }]);
    expect(kept.message).toBe('body.name: required');
    expect(kept.translated).toBe(false);
  });
});
