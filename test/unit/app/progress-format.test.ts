import { describe, expect, it } from 'vitest';
import {
  NONE,
  brierVerdict,
  formatBand,
  formatBrier,
  formatCount,
  formatDate,
  formatDay,
  formatPercent,
  formatRelativeDay,
  plural,
  practiseReasonLabel,
  roleLabel,
  toPercentPoints,
} from '../../../src/app/progress/format';
import { fieldOf } from '../../../src/app/progress/AddUserForm';
import { errorMessage, sentence } from '../../../src/app/progress/useLoad';
import { ApiError } from '../../../src/app/api';

describe('percentages', () => {
  it('writes a share as a whole percentage by default', () => {
    expect(formatPercent(0.8)).toBe('80%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.666)).toBe('67%');
  });

  it('keeps the digits it is asked for', () => {
    expect(formatPercent(0.8123, 1)).toBe('81.2%');
    expect(formatPercent(0, 1)).toBe('0.0%');
  });

  it('never writes minus zero', () => {
    expect(formatPercent(-0.0001)).toBe('0%');
  });

  it('writes a dash for a missing share', () => {
    expect(formatPercent(null)).toBe(NONE);
    expect(formatPercent(undefined)).toBe(NONE);
    expect(formatPercent(Number.NaN)).toBe(NONE);
  });

  it('gives the charts 0–100 points, null for a gap', () => {
    expect(toPercentPoints(0.8125)).toBe(81.3);
    expect(toPercentPoints(1)).toBe(100);
    expect(toPercentPoints(null)).toBeNull();
    expect(toPercentPoints(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('names a calibration band', () => {
    expect(formatBand(0.5, 0.6)).toBe('50–60%');
    expect(formatBand(0.9, 1)).toBe('90–100%');
  });
});

describe('Brier scores', () => {
  it('writes three decimals', () => {
    expect(formatBrier(0.18345)).toBe('0.183');
    expect(formatBrier(0)).toBe('0.000');
    expect(formatBrier(0.25)).toBe('0.250');
  });

  it('writes a dash when no call was rated', () => {
    expect(formatBrier(null)).toBe(NONE);
  });

  it('says what a score means, with 0.25 a coin toss', () => {
    expect(brierVerdict(0.05)).toBe('Well calibrated');
    expect(brierVerdict(0.15)).toBe('Fairly calibrated');
    expect(brierVerdict(0.22)).toBe('Barely better than a coin toss');
    expect(brierVerdict(0.25)).toBe('No better than a coin toss');
    expect(brierVerdict(0.6)).toBe('No better than a coin toss');
    expect(brierVerdict(null)).toBe('No rated calls yet');
  });
});

describe('counts', () => {
  it('separates thousands', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(7)).toBe('7');
  });

  it('makes a noun plural when it should', () => {
    expect(plural(1, 'drill')).toBe('1 drill');
    expect(plural(0, 'drill')).toBe('0 drills');
    expect(plural(2, 'category', 'categories')).toBe('2 categories');
  });
});

describe('dates', () => {
  it('writes an ISO time as a date in the given time zone', () => {
    expect(formatDate('2025-03-03T10:00:00Z', 'UTC')).toBe('3 Mar 2025');
    expect(formatDate('2025-03-03T23:30:00Z', 'Asia/Tokyo')).toBe('4 Mar 2025');
    expect(formatDate('2025-03-03T01:30:00+02:00', 'UTC')).toBe('2 Mar 2025');
  });

  it('writes a dash for a missing or unreadable time', () => {
    expect(formatDate(null)).toBe(NONE);
    expect(formatDate('')).toBe(NONE);
    expect(formatDate('not a date')).toBe(NONE);
  });

  it('labels a timeline day (UTC) briefly, wherever the reader is', () => {
    expect(formatDay('2025-03-03')).toBe('3 Mar');
    expect(formatDay('2024-12-31')).toBe('31 Dec');
    expect(formatDay('garbage')).toBe('garbage');
  });

  it('says when something falls due, in calendar days', () => {
    const now = new Date('2025-03-03T22:00:00Z');
    expect(formatRelativeDay('2025-03-03T23:59:00Z', now, 'UTC')).toBe('today');
    expect(formatRelativeDay('2025-03-04T00:01:00Z', now, 'UTC')).toBe('tomorrow');
    expect(formatRelativeDay('2025-03-06T08:00:00Z', now, 'UTC')).toBe('in 3 days');
    expect(formatRelativeDay('2025-03-02T08:00:00Z', now, 'UTC')).toBe('yesterday');
    expect(formatRelativeDay('2025-02-26T08:00:00Z', now, 'UTC')).toBe('5 days ago');
    expect(formatRelativeDay('nope', now, 'UTC')).toBe(NONE);
  });

  it('counts days across a month end and a daylight-saving change', () => {
    const now = new Date('2025-03-29T12:00:00Z');
    expect(formatRelativeDay('2025-04-01T12:00:00Z', now, 'Europe/London')).toBe('in 3 days');
  });
});

describe('labels', () => {
  it('names why a product is on the practise list', () => {
    expect(practiseReasonLabel('new')).toBe('New to you');
    expect(practiseReasonLabel('due')).toBe('Due for review');
    expect(practiseReasonLabel('upcoming')).toBe('Coming up');
  });

  it('names each role', () => {
    expect(roleLabel('trainee')).toBe('Trainee');
    expect(roleLabel('admin')).toBe('Admin');
  });
});

describe('API errors for people', () => {
  it('maps an issue path to the form field it names', () => {
    expect(fieldOf('body.email')).toBe('email');
    expect(fieldOf('body.accountName')).toBe('accountName');
    expect(fieldOf('password')).toBe('password');
    expect(fieldOf('params.id')).toBeNull();
    expect(fieldOf('body')).toBeNull();
  });

  it("prefers the server's words about each field, where the code has no words of the client's", () => {
    const e = new ApiError(400, 'invalid_request', 'body.email: Invalid email address', [
      { path: 'body.email', message: 'invalid email address' },
    ]);
    expect(errorMessage(e)).toBe('Invalid email address.');
    expect(errorMessage(new ApiError(418, 'some_new_code', 'something the server says'))).toBe('Something the server says.');
  });

  it("gives the client's words for a code it knows, in the reader's language", () => {
    const e = new ApiError(400, 'not_a_trainee', 'body.email: no trainee account with the email x@y.z', [
      { path: 'body.email', message: 'no trainee account with this email' },
    ]);
    expect(errorMessage(e)).toBe('No trainee or examiner account has this email.');
    expect(errorMessage(new ApiError(403, 'forbidden', 'This group belongs to another instructor.'))).toBe('You may not do this.');
    expect(errorMessage(new ApiError(401, 'unauthenticated', 'sign in'))).toMatch(/Sign in again/);
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
  });

  it('makes a sentence of a fragment', () => {
    expect(sentence('must be an email address')).toBe('Must be an email address.');
    expect(sentence('Done!')).toBe('Done!');
    expect(sentence('')).toBe('');
  });
});
