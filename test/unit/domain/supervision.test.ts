/** Where a supervision grant stands, and the end of the window of records it opens. */
import { describe, expect, it } from 'vitest';
import { grantStatus, windowEnd, type GrantTimes } from '../../../src/domain/supervision';

const now = new Date('2026-12-01T12:00:00Z');
const at = (h: number) => new Date(now.getTime() + h * 3_600_000);
const grant = (o: Partial<GrantTimes>): GrantTimes => ({ examinerId: 'eve', acceptedAt: null, endsAt: null, endedAt: null, endedBy: null, ...o });

describe('grantStatus', () => {
  it('is pending until the examiner answers, expired once its end date passes unanswered', () => {
    expect(grantStatus(grant({}), now)).toBe('pending');
    expect(grantStatus(grant({ endsAt: at(1) }), now)).toBe('pending');
    expect(grantStatus(grant({ endsAt: at(0) }), now)).toBe('expired');
  });
  it('is declined when the examiner ended it unanswered, withdrawn when someone else did', () => {
    expect(grantStatus(grant({ endedAt: at(-1), endedBy: 'eve' }), now)).toBe('declined');
    expect(grantStatus(grant({ endedAt: at(-1), endedBy: 'admin' }), now)).toBe('withdrawn');
  });
  it('is active once accepted, until its end date or an early end', () => {
    expect(grantStatus(grant({ acceptedAt: at(-2) }), now)).toBe('active');
    expect(grantStatus(grant({ acceptedAt: at(-2), endsAt: at(1) }), now)).toBe('active');
    expect(grantStatus(grant({ acceptedAt: at(-2), endsAt: at(-1) }), now)).toBe('ended');
    expect(grantStatus(grant({ acceptedAt: at(-2), endedAt: at(-1), endedBy: 'eve' }), now)).toBe('ended');
  });
});

describe('windowEnd', () => {
  it('is the earlier of the end date and the early end, or open', () => {
    expect(windowEnd({ endsAt: null, endedAt: null })).toBeNull();
    expect(windowEnd({ endsAt: at(5), endedAt: null })).toEqual(at(5));
    expect(windowEnd({ endsAt: at(5), endedAt: at(1) })).toEqual(at(1));
    expect(windowEnd({ endsAt: at(1), endedAt: at(5) })).toEqual(at(1));
  });
});
