/** Sign-in limits on a clock the test moves: failures only, per address, per (email, address) pair, and per email for unknown browsers. */
import { describe, expect, it } from 'vitest';
import { addressKey, createSignInThrottle, DEFAULT_SIGN_IN_LIMITS, limitAddress, type AttemptOrWait } from '../../../src/server/auth/sign-in-throttle';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const refused = (a: AttemptOrWait) => 'retryAfterMs' in a;
/** One attempt, settled as the password's rightness says; whether it was let through. */
function tryOnce(throttle: ReturnType<typeof createSignInThrottle>, address: string, email: string, right = false, known = false): boolean {
  const a = throttle.attempt(address, email, known);
  if ('retryAfterMs' in a) return false;
  a.settle(right);
  return true;
}

describe('the sign-in throttle', () => {
  it('limits one address across many emails, counting failures only', () => {
    const c = clock();
    const throttle = createSignInThrottle({}, c.now);
    for (let i = 0; i < 100; i++) expect(tryOnce(throttle, '198.51.100.1', 'tess@agency.test', true)).toBe(true);
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.addressFailures; i++) expect(tryOnce(throttle, '198.51.100.1', `user${i}@agency.test`)).toBe(true);
    const next = throttle.attempt('198.51.100.1', 'user99@agency.test');
    expect(refused(next) && next.retryAfterMs).toBe(DEFAULT_SIGN_IN_LIMITS.windowMs);
    // Even the right password of an account the address never failed on: the address is spent.
    expect(tryOnce(throttle, '198.51.100.1', 'tess@agency.test', true)).toBe(false);
    expect(tryOnce(throttle, '198.51.100.2', 'user99@agency.test')).toBe(true);
    c.advance(DEFAULT_SIGN_IN_LIMITS.windowMs);
    expect(tryOnce(throttle, '198.51.100.1', 'user99@agency.test')).toBe(true);
  });

  it('locks an (email, address) pair after its failures, for longer each time, never the owner elsewhere', () => {
    const c = clock();
    const throttle = createSignInThrottle({}, c.now);
    const waits: number[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.accountFailures; i++) expect(tryOnce(throttle, '203.0.113.9', 'rosa@agency.test')).toBe(true);
      const wait = throttle.attempt('203.0.113.9', 'rosa@agency.test');
      expect(refused(wait)).toBe(true);
      waits.push((wait as { retryAfterMs: number }).retryAfterMs);
      // Rosa, from her own address, signs in all along.
      expect(tryOnce(throttle, '192.0.2.44', 'rosa@agency.test', true)).toBe(true);
      c.advance(waits.at(-1)!);
    }
    expect(waits).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
  });

  it('takes back the failure of a right password, and a right password clears its pair', () => {
    const throttle = createSignInThrottle({}, clock().now);
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.accountFailures - 1; i++) tryOnce(throttle, '10.1.1.1', 'ada@agency.test');
    expect(tryOnce(throttle, '10.1.1.1', 'ada@agency.test', true)).toBe(true);
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.accountFailures - 1; i++) expect(tryOnce(throttle, '10.1.1.1', 'ada@agency.test')).toBe(true);
  });

  it('counts attempts still being checked, so parallel requests cannot slip past the limit', () => {
    const throttle = createSignInThrottle({ addressFailures: 30, accountFailures: 1000 }, clock().now);
    const started = Array.from({ length: 40 }, (_, i) => throttle.attempt('10.9.9.9', `spray${i}@agency.test`));
    expect(started.filter((a) => !refused(a))).toHaveLength(30);
  });

  it('lets only known browsers try an email that many addresses are failing on', () => {
    const c = clock();
    const throttle = createSignInThrottle({ accountLockdownFailures: 50 }, c.now);
    for (let i = 0; i < 50; i++) expect(tryOnce(throttle, `10.0.${i}.1`, 'rosa@agency.test')).toBe(true);
    expect(tryOnce(throttle, '10.0.200.1', 'rosa@agency.test')).toBe(false);
    expect(tryOnce(throttle, '10.0.201.1', 'rosa@agency.test', true, true)).toBe(true);
    expect(tryOnce(throttle, '10.0.202.1', 'tess@agency.test')).toBe(true);
    c.advance(DEFAULT_SIGN_IN_LIMITS.windowMs);
    expect(tryOnce(throttle, '10.0.200.1', 'rosa@agency.test', true)).toBe(true);
  });
});

describe('the memory the counts take', () => {
  it('stays bounded when an attacker sprays from very many addresses', () => {
    const throttle = createSignInThrottle({ maxEntries: 1000 }, clock().now);
    for (let i = 0; i < 5000; i++) tryOnce(throttle, `a${i}`, `e${i}`);
    for (const size of Object.values(throttle.sizes())) expect(size).toBeLessThanOrEqual(1000);
    expect(tryOnce(throttle, 'fresh', 'tess@agency.test', true)).toBe(true);
  });
});

describe('the address the limits count by', () => {
  it('groups IPv6 by /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });

  it('with TRUST_PROXY=true, takes the entry the nearest proxy added, not the leftmost one the client wrote', () => {
    const request = { ip: '10.66.0.1', ips: ['127.0.0.1', '198.51.100.9', '10.66.0.1'] };
    expect(limitAddress(request, true)).toBe('198.51.100.9');
    expect(limitAddress({ ip: '198.51.100.9', ips: ['127.0.0.1', '198.51.100.9', '10.66.0.1'] }, 1)).toBe('198.51.100.9');
    expect(limitAddress({ ip: '127.0.0.1' }, false)).toBe('127.0.0.1');
  });
});
