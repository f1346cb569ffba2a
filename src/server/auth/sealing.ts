/**
 * Sealed tokens (JWE, dir + A256GCM) with a key the server makes on first start and keeps in the
 * database, so every process shares it. A guest's drill carries its own sealed key this way, so
 * nothing of a guest is stored and the client cannot read the answer before answering.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { Db } from '../db/database';
import { serverSecrets } from '../db/schema';

export interface Sealer {
  seal(payload: Record<string, unknown>, ttlSeconds: number): Promise<string>;
  /** The payload, or undefined when the token is malformed, tampered with or expired. */
  open<T>(token: string): Promise<T | undefined>;
}

async function secretKey(db: Db, name: string): Promise<Uint8Array> {
  await db
    .insert(serverSecrets)
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, name)).limit(1);
  if (!row) throw new Error(`server secret ${name} could not be created`);
  return new Uint8Array(Buffer.from(row.value, 'base64url'));
}

export async function createSealer(db: Db, name = 'drill-seal'): Promise<Sealer> {
  const key = await secretKey(db, name);
  return {
    async seal(payload, ttlSeconds) {
      return new EncryptJWT(payload)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .encrypt(key);
    },
    async open<T>(token: string) {
      try {
        const { payload } = await jwtDecrypt(token, key, { contentEncryptionAlgorithms: ['A256GCM'], keyManagementAlgorithms: ['dir'] });
        return payload as T;
      } catch {
        return undefined;
      }
    },
  };
}
