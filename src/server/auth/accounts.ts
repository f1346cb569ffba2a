/**
 * What can be done to an account after it is made: change one's own password, an admin's reset (a
 * temporary password that must be changed at the next sign-in, or a one-time link), deactivation and
 * reactivation. The web routes and the `twinspect user` command both come here, so the rules are one.
 *
 * Whenever a password is set by someone else or the account is deactivated, every session of the
 * account ends (and its live session connections, where the server has them); changing one's own
 * password ends the other sessions and keeps the one that changed it.
 */
import { randomInt } from 'node:crypto';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import type { ResetLinks } from './reset-links';
import type { SessionStore } from './session-store';
import type { UserRow, UserStore } from './user-store';

export type AccountErrorCode =
  | 'wrong_password'
  | 'weak_password'
  | 'same_password'
  | 'sso_account'
  | 'own_password'
  | 'self_deactivation'
  | 'last_admin'
  | 'reset_link_invalid'
  | 'account_deactivated';

export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    readonly status: number,
    readonly code: AccountErrorCode,
    message: string,
    /** The request field at fault, when there is one ("body.newPassword"). */
    readonly path?: string,
  ) {
    super(message);
  }
}

export interface AccountDeps {
  users: UserStore;
  sessions: SessionStore;
  links: ResetLinks;
  /** Closes the account's live session connections on this server (they cannot reconnect without a session). */
  endLive?: (userId: string) => void;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password: four groups of four (about 79 bits), e.g. "k7pq-4mzx-9ra2-hd3e". */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

const ssoRefusal = (email: string) =>
  new AccountError(409, 'sso_account', `${email} signs in with the agency account (single sign-on) and has no password in Twinspect.`);

export function createAccounts(deps: AccountDeps) {
  const { users, sessions, links } = deps;

  function checkNew(password: string, path: string): void {
    const problem = passwordProblem(password);
    if (problem) throw new AccountError(400, 'weak_password', `password ${problem}`, path);
  }

  /** Everything the account was signed in with ends: sessions, reset links, live connections. */
  async function endEverywhere(userId: string): Promise<void> {
    await sessions.closeAllOf(userId);
    await links.dropAllOf(userId);
    deps.endLive?.(userId);
  }

  function adminMayReset(target: UserRow, actorId: string | undefined): void {
    if (target.id === actorId) {
      throw new AccountError(409, 'own_password', 'Change your own password on your account page, with your current password.');
    }
    if (!target.passwordHash) throw ssoRefusal(target.email);
  }

  return {
    /**
     * The user changes their own password. `current` may be left out only while a temporary password
     * must be changed (the session was opened with it a moment ago). Other sessions end; `keepToken`'s stays.
     */
    async changeOwn(user: UserRow, input: { current?: string | undefined; next: string }, keepToken?: string): Promise<UserRow> {
      if (!user.passwordHash) throw ssoRefusal(user.email);
      if (input.current !== undefined || !user.mustChangePassword) {
        if (!(await verifyPassword(input.current ?? '', user.passwordHash))) {
          throw new AccountError(400, 'wrong_password', 'The current password is not right.', 'body.currentPassword');
        }
      }
      checkNew(input.next, 'body.newPassword');
      if (await verifyPassword(input.next, user.passwordHash)) {
        throw new AccountError(400, 'same_password', 'The new password must differ from the current one.', 'body.newPassword');
      }
      const row = await users.setPasswordHash(user.id, await hashPassword(input.next), false);
      await sessions.closeAllOf(user.id, keepToken);
      await links.dropAllOf(user.id);
      return row!;
    },

    /** An admin (or the command line) hands out a temporary password, changed at the next sign-in. */
    async resetWithTemporary(target: UserRow, actorId?: string): Promise<{ user: UserRow; password: string }> {
      adminMayReset(target, actorId);
      const password = temporaryPassword();
      const user = await users.setPasswordHash(target.id, await hashPassword(password), true);
      await endEverywhere(target.id);
      return { user: user!, password };
    },

    /** An admin makes a one-time link with which the user sets a password of their own. */
    async makeResetLink(target: UserRow, actorId?: string): Promise<{ token: string; expiresAt: Date }> {
      adminMayReset(target, actorId);
      return links.make(target.id);
    },

    /** Sets a password from a reset link: the link is used up, every session of the account ends. */
    async useResetLink(token: string, password: string): Promise<UserRow> {
      const userId = await links.userOf(token);
      const user = userId ? await users.byId(userId) : undefined;
      if (!user) throw new AccountError(400, 'reset_link_invalid', 'This reset link has expired or was already used: ask an administrator for a new one.');
      if (user.deactivatedAt) throw new AccountError(403, 'account_deactivated', 'This account is deactivated: ask an administrator to reactivate it.');
      // Checked before the link is used up, so that a refused password can be tried again with it.
      checkNew(password, 'body.password');
      if (!(await links.take(token))) throw new AccountError(400, 'reset_link_invalid', 'This reset link has expired or was already used: ask an administrator for a new one.');
      const row = await users.setPasswordHash(user.id, await hashPassword(password), false);
      await endEverywhere(user.id);
      return row!;
    },

    /** The command line sets a password outright; `temporary`: it must be changed at the next sign-in. */
    async setPassword(target: UserRow, password: string, temporary: boolean): Promise<UserRow> {
      if (!target.passwordHash) throw ssoRefusal(target.email);
      checkNew(password, 'password');
      const row = await users.setPasswordHash(target.id, await hashPassword(password), temporary);
      await endEverywhere(target.id);
      return row!;
    },

    /** No more sign-in, every session ended; the account's records stay. Not one's own, not the last active admin. */
    async deactivate(target: UserRow, actorId?: string): Promise<UserRow> {
      if (target.id === actorId) throw new AccountError(409, 'self_deactivation', 'You cannot deactivate your own account: another admin must.');
      if (target.deactivatedAt) return target;
      if (target.role === 'admin' && (await users.activeAdmins()) <= 1) {
        throw new AccountError(409, 'last_admin', 'This is the only active admin: make someone else admin first.');
      }
      const row = await users.setDeactivated(target.id, new Date());
      await endEverywhere(target.id);
      return row!;
    },

    async activate(target: UserRow): Promise<UserRow> {
      if (!target.deactivatedAt) return target;
      return (await users.setDeactivated(target.id, null))!;
    },
  };
}
export type Accounts = ReturnType<typeof createAccounts>;
