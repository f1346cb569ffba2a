/**
 * `twinspect user add|list|role`: accounts from the command line, on the database the server uses
 * (DATA_DIR or DATABASE_URL from the environment).
 */
import { createInterface } from 'node:readline';
import { ROLES, Role } from '../../domain/roles';
import { createUserStore, UserError } from '../auth/user-store';
import { loadConfig } from '../config';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import type { Io } from './main';

export const USER_USAGE = `  user add EMAIL --role ROLE --password-stdin [--name NAME] [--account ID]
                                   Add a local account; the password is read from stdin
                                   (at least 10 characters, not a common or breached
                                   password, not made of the email or name). ROLE: ${ROLES.join(', ')}.
                                   ID: the person's id in the agency's learning record store.
  user list                        List accounts: email, role, name, agency id.
  user role EMAIL ROLE             Change an account's role.`;

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
        for (const u of list) io.out(`${u.email}\t${u.role}\t${u.displayName}\t${u.accountName}${u.oidcSubject ? '\tsso' : ''}`);
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
    return usage();
  } catch (err) {
    if (err instanceof UserError) {
      io.err(`twinspect: ${err.message}`);
      return 1;
    }
    io.err(`twinspect: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
