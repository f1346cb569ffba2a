/**
 * What a new password must be, after NIST SP 800-63B (5.1.1.2, "memorized secret verifiers"): long
 * enough (10 characters; 200 at most, so a passphrase fits), not blank, not on a list of commonly used
 * and breached passwords, not a run like "1234567890" or "aaaaaaaaaa", and not made of the account's
 * own email, name or the app's name. No composition rules (no "one digit, one symbol"): they make
 * passwords harder to remember, not to guess. Lengths count characters (code points) after NFKC, as
 * the hash does.
 *
 * The list is the 49,233 passwords of @zxcvbn-ts/language-common (MIT; drawn from leaked password
 * corpora), shipped with the app: nothing is sent anywhere to check a password.
 */
import { createRequire } from 'node:module';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
/** The service's own name, which 800-63B counts among the context words a password may not rest on. */
const SERVICE_WORDS = ['twinspect'];

/** Who the password is for: its words may not make up the password. */
export interface PasswordContext {
  email?: string | undefined;
  displayName?: string | undefined;
}

export type PasswordRefusalCode = 'weak_password' | 'password_blank' | 'password_common' | 'password_context';

/** A refused password: the error code the API sends (with words in the errors namespace) and a reason. */
export interface PasswordRefusal {
  error: PasswordRefusalCode;
  /** Says what is wrong, after "password ": "is on a list of …". */
  message: string;
}

const REFUSED = {
  blank: { error: 'password_blank', message: 'is only spaces: choose one with letters, digits or symbols' },
  common: { error: 'password_common', message: 'is on a list of commonly used or breached passwords: choose another' },
  context: { error: 'password_context', message: 'is too close to the email address, the name or the app’s name: choose another' },
} as const satisfies Record<string, PasswordRefusal>;

let common: Set<string> | undefined;
/** The list, read at its first use (unpacking it takes a moment that server start-up need not wait for). */
function commonPasswords(): Set<string> {
  const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  return new Set(dictionary['passwords-common']);
}
const isCommon = (word: string) => (common ??= commonPasswords()).has(word);

const characters = (text: string) => [...text.normalize('NFKC')].length;

/** The length rule alone (what a form can check as the user types). */
export function passwordLengthProblem(password: string): string | null {
  const length = characters(password);
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}

/** Why a new password is refused, or null when it may be used. */
export function passwordRefusal(password: string, context: PasswordContext = {}): PasswordRefusal | null {
  const length = passwordLengthProblem(password);
  if (length) return { error: 'weak_password', message: length };
  // Spaces, and characters that show nothing (zero-width, controls).
  if (/^[\s\p{Cf}\p{Cc}]*$/u.test(password)) return REFUSED.blank;
  const lower = password.normalize('NFKC').toLowerCase();
  const compact = lower.replace(/[\s\p{Cf}]+/gu, '');
  if (looksCommon(lower) || looksCommon(compact) || looksCommon(unLeet(compact))) return REFUSED.common;
  if (restsOnContext(compact, context)) return REFUSED.context;
  return null;
}

/** On the list, a run, or a listed word with a few digits or symbols round it ("Password1234!"). */
function looksCommon(text: string): boolean {
  if (isCommon(text) || isRun(text)) return true;
  const m = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/u.exec(text)!;
  const [, before, stem, after] = m as unknown as [string, string, string, string];
  const affix = before + after;
  const predictable = affix.length <= 6 || (before !== '' && isRun(before)) || (after !== '' && isRun(after));
  return stem.length >= 4 && affix.length > 0 && predictable && isCommon(stem);
}

const KEYBOARD_RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop'];

/**
 * One character repeated, a short pattern repeated ("abcabcabcabc", "121212121212"), or a run along the
 * alphabet, the digits or a keyboard row, either way ("abcdefghij", "9876543210").
 */
export function isRun(text: string): boolean {
  if (text.length === 0) return true;
  for (let period = 1; period <= 4 && period < text.length; period++) {
    if (text.length >= period * 2 && text === text.slice(0, period).repeat(Math.ceil(text.length / period)).slice(0, text.length)) return true;
  }
  if (text.length < 3) return false;
  const reversed = [...text].reverse().join('');
  return KEYBOARD_RUNS.some((run) => {
    const twice = run + run;
    return twice.includes(text) || twice.includes(reversed);
  });
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't' };
/** "p@ssw0rd" → "password": the substitutions every cracking rule set tries first. */
const unLeet = (text: string) => text.replace(/[@43!10$57]/g, (c) => LEET[c]!);

/** Words of the account that a password may not be built on: the email, its parts, the name's words. */
function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>(SERVICE_WORDS);
  const email = context.email?.trim().toLowerCase();
  if (email) {
    words.add(email);
    const [local = '', domain = ''] = email.split('@');
    words.add(local);
    for (const part of [...local.split(/[._+-]+/), domain.split('.')[0] ?? '']) words.add(part);
  }
  const name = context.displayName?.normalize('NFKC').toLowerCase().trim();
  if (name) {
    words.add(name.replace(/\s+/g, ''));
    for (const part of name.split(/[\s._-]+/)) words.add(part);
  }
  return [...words].filter((w) => characters(w) >= 4).sort((a, b) => b.length - a.length);
}

/**
 * True when the password holds a context word and what is left once those words are taken out is
 * short or common itself: "twinspect2024", "tess.ng@agency.test", "tessng-password1".
 */
function restsOnContext(compact: string, context: PasswordContext): boolean {
  let rest = compact;
  for (const word of contextWords(context)) rest = rest.split(word).join('');
  if (rest === compact) return false;
  return characters(rest) < MIN_PASSWORD_LENGTH || looksCommon(rest);
}
