/**
 * Sign-in limits that count failures only (a correct password costs nothing and clears its own record):
 *
 * - per client address, across every email: `addressFailures` failed sign-ins per `windowMs`, then that
 *   address waits until the window ends. One address cannot try a few passwords on many accounts.
 * - per account and address: after `accountFailures` failures on one email from one address, that
 *   address waits `lockMs` before trying that email again, twice as long at each further lock, up to
 *   `windowMs`. The lock is the pair's, not the account's: the owner signing in from anywhere else
 *   is not refused, so an attacker who knows an email cannot lock its owner out.
 * - per account, from every address together: after `accountLockdownFailures` failures on one email in
 *   a window (an attack from many addresses, or from addresses it can make up), that email accepts
 *   sign-ins only from browsers that have signed in to it before (a sealed device cookie, see
 *   device-cookie.ts) until the window ends. The owner's own browsers keep working; the attacker
 *   gets at most that many guesses per window, whatever addresses it has.
 *
 * A failure is counted when the attempt starts and taken back when the password proves right, so
 * parallel requests cannot slip past the count while the hash is checked. The counts live in this
 * process's memory, bounded in size; several processes each keep their own.
 */
import { isIPv6 } from 'node:net';

export interface SignInLimits {
  /** Failed sign-ins one client address may make, across all emails, per window. */
  addressFailures: number;
  /** Failed sign-ins on one email from one address before that address must wait. */
  accountFailures: number;
  /** The address window, and the longest wait of an (email, address) pair. */
  windowMs: number;
  /** The first wait of an (email, address) pair; it doubles at each further lock. */
  lockMs: number;
  /** Failed sign-ins on one email, from all addresses, per window, before only known browsers may try it. */
  accountLockdownFailures: number;
  /** Entries kept per count at most: an attacker with very many addresses makes the oldest go first. */
  maxEntries: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { addressFailures: 30, accountFailures: 5, windowMs: 15 * 60_000, lockMs: 60_000, accountLockdownFailures: 50, maxEntries: 100_000 };

/** An attempt that may go on: settle it with whether the password was right. */
export interface Attempt {
  settle(succeeded: boolean): void;
}

export type AttemptOrWait = Attempt | { retryAfterMs: number };

/** Failures of an address across all emails, or of an email across all addresses, in one window. */
interface AddressCount {
  failures: number;
  resetAt: number;
}

interface PairCount {
  failures: number;
  lockouts: number;
  lockedUntil: number;
  lastFailureAt: number;
}

export function createSignInThrottle(limits: Partial<SignInLimits> = {}, now: () => number = Date.now) {
  const { addressFailures, accountFailures, windowMs, lockMs, accountLockdownFailures, maxEntries } = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
  /** How long an (email, address) pair's lock count is remembered after its last failure. */
  const forgetMs = 4 * windowMs;
  const addresses = new Map<string, AddressCount>();
  const accounts = new Map<string, AddressCount>();
  const pairs = new Map<string, PairCount>();

  /** Before adding to a full map: drop what expired, then the oldest, down to 99% (so a full scan is rare). */
  function bound<V>(map: Map<string, V>, expired: (v: V) => boolean): void {
    if (map.size < maxEntries) return;
    for (const [key, value] of map) if (expired(value)) map.delete(key);
    for (const key of map.keys()) {
      if (map.size < maxEntries * 0.99) break;
      map.delete(key);
    }
  }

  /** The running window of `key`, a new one when it has none or its window ended. */
  function windowOf(map: Map<string, AddressCount>, key: string, t: number): AddressCount {
    const current = map.get(key);
    if (current && current.resetAt > t) return current;
    if (current) map.delete(key);
    bound(map, (v) => v.resetAt <= t);
    const fresh = { failures: 0, resetAt: t + windowMs };
    map.set(key, fresh);
    return fresh;
  }

  return {
    /** How many entries each count holds (at most maxEntries). */
    sizes: () => ({ addresses: addresses.size, accounts: accounts.size, pairs: pairs.size }),
    /**
     * Whether `address` may try `email` now (`knownDevice`: the browser has signed in to this email
     * before); if so, the failure is counted until settled as a success.
     */
    attempt(address: string, email: string, knownDevice = false): AttemptOrWait {
      const t = now();
      const byAddress = windowOf(addresses, address, t);
      if (byAddress.failures >= addressFailures) return { retryAfterMs: byAddress.resetAt - t };
      const byAccount = windowOf(accounts, email, t);
      if (!knownDevice && byAccount.failures >= accountLockdownFailures) return { retryAfterMs: byAccount.resetAt - t };
      const pairKey = `${address}\n${email}`;
      let pair = pairs.get(pairKey);
      if (pair && pair.lockedUntil <= t && pair.lastFailureAt + forgetMs <= t) {
        pairs.delete(pairKey);
        pair = undefined;
      }
      if (pair && pair.lockedUntil > t) return { retryAfterMs: pair.lockedUntil - t };

      if (!pair) {
        bound(pairs, (v) => v.lockedUntil <= t && v.lastFailureAt + forgetMs <= t);
        pair = { failures: 0, lockouts: 0, lockedUntil: 0, lastFailureAt: t };
        pairs.set(pairKey, pair);
      }
      byAddress.failures++;
      byAccount.failures++;
      pair.failures++;
      pair.lastFailureAt = t;
      if (pair.failures >= accountFailures) {
        pair.lockedUntil = t + Math.min(lockMs * 2 ** pair.lockouts, windowMs);
        pair.lockouts++;
        pair.failures = 0;
      }
      const counted = { byAddress, byAccount, pair };
      let settled = false;
      return {
        settle(succeeded) {
          if (settled || !succeeded) return;
          settled = true;
          // The right password: this attempt was no failure, and the pair starts afresh.
          counted.byAddress.failures = Math.max(0, counted.byAddress.failures - 1);
          counted.byAccount.failures = Math.max(0, counted.byAccount.failures - 1);
          if (pairs.get(pairKey) === counted.pair) pairs.delete(pairKey);
        },
      };
    },
  };
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/**
 * The address that sign-in limits count by. Without TRUST_PROXY, the connection's. With a hop count or
 * the proxies' addresses, fastify's `request.ip`: the address the outermost trusted proxy saw, which a
 * client cannot choose (entries it puts in X-Forwarded-For lie beyond it). With TRUST_PROXY=true,
 * fastify takes the leftmost X-Forwarded-For entry, which the client writes itself: there the limits
 * take the entry the proxy next to this server added (one hop), so a rotating header mints nothing.
 * IPv6 addresses count by their /64, the block one subscriber usually holds.
 */
export function limitAddress(request: { ip: string; ips?: string[] | undefined }, trustProxy: boolean | number | string[] | undefined): string {
  const ip = trustProxy === true ? (request.ips?.[1] ?? request.ip) : request.ip;
  return addressKey(ip);
}

export function addressKey(ip: string): string {
  const address = ip.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groups(head);
  const right = groups(tail);
  const full = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${full.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
