/**
 * `twinspect user add|list|role|reset-password|set-password|deactivate|activate`: accounts from the
 * command line, on the database the server uses (DATA_DIR or DATABASE_URL from the environment).
 */
import { createInterface } from 'node:readline';
import { ROLES, Role } from '../../domain/roles';
import { AccountError, createAccounts } from '../auth/accounts';
import { RESET_LINK_HOURS, createResetLinks, resetLinkPath } from '../auth/reset-links';
import { createSessionStore } from '../auth/session-store';
import { createUserStore, normaliseEmail, UserError, type UserRow } from '../auth/user-store';
import { loadConfig } from '../config';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import type { Io } from './main';

export const USER_USAGE = `  user add EMAIL --role ROLE --password-stdin [--name NAME] [--account ID]
                                   Add a local account; the password is read from stdin
                                   (at least 10 characters, not a common or breached
                                   password, not made of the email or name). ROLE: ${ROLES.join(', ')}.
                                   ID: the person's id in the agency's learning record store.
  user list                        List accounts: email, role, name, agency id (then sso,
                                   deactivated, must change password, where so).
  user role EMAIL ROLE             Change an account's role.
  user reset-password EMAIL [--link [--base-url URL]]
                                   Print a temporary password, to be changed at the next
                                   sign-in; with --link, a one-time link (valid 24 h) with
                                   which the user sets one. Ends the account's sessions.
  user set-password EMAIL [--temporary]
                                   Set the password read from stdin; --temporary: it must be
                                   changed at the next sign-in. Ends the account's sessions.
  user deactivate EMAIL            No more sign-in; its sessions end, its records are kept.
                                   The last active admin cannot be deactivated.
  user activate EMAIL              Let a deactivated account sign in again.`;

async function readPassword(stdin: NodeJS.ReadStream): Promise<string> {
  if (stdin.isTTY) {
    const rl = createInterface({ input: stdin, output: process.stderr, terminal: true });
    process.stderr.write('Password: ');
    // Do not echo the password.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    const line = await new Promise<string>((resolve) => rl.question('', resolve));
    rl.close();
    process.stderr.write('\n');
    return line;
  }
  let text = '';
  for await (const chunk of stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function withDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    return await run(database);
  } finally {
    await database.close();
  }
}

/** What the list says of an account beyond its name and ids. */
function flags(u: UserRow): string {
  return [u.oidcSubject ? 'sso' : '', u.deactivatedAt ? 'deactivated' : '', u.mustChangePassword ? 'must change password' : '']
    .filter(Boolean)
    .map((f) => `\t${f}`)
    .join('');
}

/** Runs `act` on the account of `email` with the account rules (the same the web pages follow). */
function onAccount(email: string, act: (user: UserRow, accounts: ReturnType<typeof createAccounts>) => Promise<number>) {
  return withDatabase(async ({ db }) => {
    const users = createUserStore(db);
    const user = await users.byEmail(email);
    if (!user) throw new UserError('user_not_found', `no account with the email ${normaliseEmail(email)}`);
    return act(user, createAccounts({ users, sessions: createSessionStore(db), links: createResetLinks(db) }));
  });
}

/** reset-password, set-password, deactivate, activate; undefined for another command. */
async function accountCommand(command: string | undefined, rest: string[], io: Io, stdin: NodeJS.ReadStream): Promise<number | undefined> {
  const email = rest[0];
  const bad = !email || email.startsWith('-');
  if (command === 'reset-password') {
    const link = rest.includes('--link');
    const base = option(rest, '--base-url');
    const extra = rest.slice(1).filter((a, i, all) => a !== '--link' && a !== '--base-url' && all[i - 1] !== '--base-url');
    if (bad || extra.length > 0) return 2;
    if (base !== undefined && (!link || !/^https?:\/\/[^/]+\/?$/.test(base))) {
      io.err(`twinspect: --base-url goes with --link and is the server's address, like https://twinspect.agency.gov, got '${base}'`);
      return 2;
    }
    return onAccount(email, async (user, accounts) => {
      if (link) {
        const { token, expiresAt } = await accounts.makeResetLink(user);
        const url = `${base ? base.replace(/\/$/, '') : ''}${resetLinkPath(token)}`;
        io.out(`One-time reset link for ${user.email}, valid ${RESET_LINK_HOURS} h (until ${expiresAt.toISOString()}):`);
        io.out(base ? url : `${url}\n(after the server's address, e.g. https://twinspect.agency.gov${url})`);
        return 0;
      }
      const { password } = await accounts.resetWithTemporary(user);
      io.out(`Temporary password for ${user.email} (shown once; to be changed at the next sign-in):`);
      io.out(password);
      return 0;
    });
  }
  if (command === 'set-password') {
    if (bad || rest.slice(1).some((a) => !['--temporary', '--password-stdin'].includes(a))) return 2;
    const password = await readPassword(stdin);
    return onAccount(email, async (user, accounts) => {
      const temporary = rest.includes('--temporary');
      await accounts.setPassword(user, password, temporary);
      io.out(`Password of ${user.email} set${temporary ? '; it must be changed at the next sign-in' : ''}. Its sessions ended.`);
      return 0;
    });
  }
  if (command === 'deactivate' || command === 'activate') {
    if (bad || rest.length !== 1) return 2;
    return onAccount(email, async (user, accounts) => {
      if (command === 'deactivate') {
        const was = user.deactivatedAt;
        await accounts.deactivate(user);
        io.out(was ? `${user.email} was already deactivated.` : `${user.email} is deactivated: it cannot sign in, its sessions ended, its records are kept.`);
      } else {
        io.out(user.deactivatedAt ? `${(await accounts.activate(user)).email} can sign in again.` : `${user.email} is already active.`);
      }
      return 0;
    });
  }
  return undefined;
}

export async function userCommand(args: string[], io: Io, stdin: NodeJS.ReadStream = process.stdin): Promise<number> {
  const [command, ...rest] = args;
  const usage = () => {
    io.err(`Usage:\n${USER_USAGE}`);
    return 2;
  };
  const role = (value: string | undefined) => {
    const parsed = Role.safeParse(value);
    if (!parsed.success) io.err(`twinspect: --role must be one of ${ROLES.join(', ')}, got '${value ?? ''}'`);
    return parsed.success ? parsed.data : undefined;
  };
  try {
    if (command === 'list' && rest.length === 0) {
      return await withDatabase(async ({ db }) => {
        const list = await createUserStore(db).list();
        if (list.length === 0) io.out('No accounts yet.');
        for (const u of list) io.out(`${u.email}\t${u.role}\t${u.displayName}\t${u.accountName}${flags(u)}`);
        return 0;
      });
    }
    if (command === 'add') {
      const email = rest[0];
      if (!email || email.startsWith('-') || !rest.includes('--password-stdin')) return usage();
      const r = role(option(rest, '--role'));
      if (!r) return 2;
      const password = await readPassword(stdin);
      return await withDatabase(async ({ db }) => {
        const user = await createUserStore(db).create({
          email,
          role: r,
          password,
          displayName: option(rest, '--name'),
          accountName: option(rest, '--account'),
        });
        io.out(`Added ${user.email} (${user.role}).`);
        return 0;
      });
    }
    if (command === 'role' && rest.length === 2) {
      const r = role(rest[1]);
      if (!r) return 2;
      return await withDatabase(async ({ db }) => {
        const user = await createUserStore(db).setRole(rest[0]!, r);
        io.out(`${user.email} is now ${user.role}.`);
        return 0;
      });
    }
    const done = await accountCommand(command, rest, io, stdin);
    return done === 2 ? usage() : (done ?? usage());
  } catch (err) {
    if (err instanceof UserError || err instanceof AccountError) {
      io.err(`twinspect: ${err.message}`);
      return 1;
    }
    io.err(`twinspect: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
