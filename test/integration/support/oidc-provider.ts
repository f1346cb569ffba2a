/**
 * A real OpenID Connect provider (oidc-provider, the certified implementation) on 127.0.0.1 for the
 * sign-in tests: one confidential client, PKCE required, fixed accounts, fresh signing keys per start.
 * Its development login form (devInteractions) signs in whoever's `sub` is typed as "login", with any
 * password, then asks for consent; tests drive those forms like a browser would.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';

export interface TestAccount {
  sub: string;
  /** Left out: the provider releases no email (the app must refuse the sign-in). */
  email?: string;
  name?: string;
  /** Default true. */
  emailVerified?: boolean;
}

export interface OidcProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accounts: TestAccount[];
  /** A fixed port (to bring a provider up where one was down); any free one by default. */
  port?: number;
}

export interface RunningOidcProvider {
  /** http://127.0.0.1:<port> */
  issuer: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Its start-up notices ("development-only", "unsupported runtime" on Node 20) are for operators, not test logs. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const { warn, info } = console;
  const keep =
    (write: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (typeof args[0] !== 'string' || !args[0].startsWith('oidc-provider ')) write(...args);
    };
  console.warn = keep(warn);
  console.info = keep(info);
  try {
    return await work();
  } finally {
    console.warn = warn;
    console.info = info;
  }
}

export async function startOidcProvider(opts: OidcProviderOptions): Promise<RunningOidcProvider> {
  let handle: Handler = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const minutes = (n: number) => n * 60;

  const provider = await quietly(async () => {
    // @ts-expect-error -- oidc-provider ships no types (they are in @types/oidc-provider, not needed here).
    const { Provider } = (await import('oidc-provider')) as { Provider: new (issuer: string, config: object) => { callback(): Handler } };
    return new Provider(issuer, {
      clients: [
        {
          client_id: opts.clientId,
          client_secret: opts.clientSecret,
          redirect_uris: opts.redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      async findAccount(_ctx: unknown, id: string) {
        const account = opts.accounts.find((a) => a.sub === id);
        if (!account) return undefined;
        return {
          accountId: account.sub,
          async claims() {
            return {
              sub: account.sub,
              ...(account.email === undefined ? {} : { email: account.email, email_verified: account.emailVerified ?? true }),
              ...(account.name === undefined ? {} : { name: account.name }),
            };
          },
        };
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      features: { devInteractions: { enabled: true } },
      pkce: { required: () => true },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      jwks: { keys: [jwk] },
      ttl: {
        AccessToken: minutes(10),
        AuthorizationCode: 60,
        IdToken: minutes(10),
        Interaction: minutes(10),
        Session: minutes(10),
        Grant: minutes(10),
      },
      async renderError(ctx: { type: string; body: unknown }, out: Record<string, string>) {
        ctx.type = 'json';
        ctx.body = out;
      },
    });
  });
  handle = provider.callback();

  return {
    issuer,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
