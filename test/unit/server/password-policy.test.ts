/** The password policy (NIST SP 800-63B): length, blank, the list of common and breached passwords, runs, the account's own words. */
import { describe, expect, it } from 'vitest';
import { isRun, MAX_PASSWORD_LENGTH, passwordLengthProblem, passwordRefusal } from '../../../src/server/auth/password-policy';
import { passwordProblem } from '../../../src/server/auth/password';

const code = (password: string, context = {}) => passwordRefusal(password, context)?.error ?? null;

describe('a new password', () => {
  it('is refused when on the list of common and breached passwords, whatever its case', () => {
    for (const p of ['password12', '1234567890', 'qwertyuiop', 'iloveyou12', '1q2w3e4r5t', 'PASSWORD123', 'Password12']) expect(code(p), p).toBe('password_common');
    expect(passwordProblem('password12')).toBe('is on a list of commonly used or breached passwords: choose another');
  });

  it('is refused when blank: spaces, tabs, or characters that show nothing', () => {
    expect(code(' '.repeat(10))).toBe('password_blank');
    expect(code('\t \u00a0 \u200b'.repeat(3))).toBe('password_blank');
    expect(code(' '.repeat(9))).toBe('weak_password'); // too short first
  });

  it('is refused when a listed password with a few digits or symbols round it, or written in leet', () => {
    for (const p of ['Sunshine2024!', 'monkey123456', '!!dragon!!99', 'P@ssw0rd2024', 'p a s s w o r d 1', 'football1234567890']) expect(code(p), p).toBe('password_common');
  });

  it('is refused when a run: one character, a short pattern, the alphabet, the digits or a keyboard row', () => {
    for (const p of ['aaaaaaaaaa', 'abcabcabcabc', '1212121212', 'abcdefghijk', 'zyxwvutsrqpo', '4567890123', 'asdfghjklasdf', '0000000000000']) {
      expect(code(p), p).not.toBeNull();
    }
    expect(isRun('9876543210')).toBe(true);
    expect(isRun('correct horse')).toBe(false);
  });

  it("is refused when built on the account's email, name or the app's name", () => {
    const tess = { email: 'tess.ng@agency.test', displayName: 'Tess Ng' };
    expect(code('tess.ng@agency.test', tess)).toBe('password_context');
    expect(code('tess.ng2024!', tess)).toBe('password_context');
    expect(code('TessNg-agency', tess)).toBe('password_context');
    expect(code('twinspect2024', {})).toBe('password_context');
    expect(code('Twinspect!Twinspect', {})).toBe('password_context');
    // What is left after the words must itself be a password: long enough and not common.
    expect(code('tess-password1', tess)).not.toBeNull();
    expect(code('tess rides the blue tram home', tess)).toBeNull();
  });

  it('is accepted when long enough and none of the above, without composition rules', () => {
    for (const p of ['correct-horse-battery', 'long-enough-pw', 'a long local password 123', 'temporary-1733-pass', 'another-long-password', 'mañana en la playa', '7Gq!vZ2#pLk9']) {
      expect(passwordRefusal(p, { email: 'someone@agency.test', displayName: 'Some One' }), p).toBeNull();
    }
  });

  it('counts characters, not UTF-16 units, and allows long passphrases', () => {
    expect(passwordLengthProblem('😀'.repeat(5))).toBe('must be at least 10 characters');
    expect(passwordLengthProblem('😀'.repeat(10))).toBeNull();
    expect(passwordLengthProblem('x'.repeat(64))).toBeNull();
    expect(passwordLengthProblem('x'.repeat(MAX_PASSWORD_LENGTH + 1))).toBe(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
    expect(code('short')).toBe('weak_password');
  });
});
