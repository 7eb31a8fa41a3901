import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db';

const SECRET_NAME = 'staff-sessions';

/**
 * The key that signs staff session cookies. Derived from APP_SECRET when it is set (under its own
 * label, so it never equals the order-link key); otherwise made once and kept in the AppSecret table,
 * so every app server signs and checks sessions with the same key and none is kept in the repository.
 */
export async function staffSessionSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return createHmac('sha256', configured).update(SECRET_NAME).digest('base64url');
  const fresh = randomBytes(32).toString('base64url');
  await db.$executeRaw`INSERT INTO "AppSecret" (name, value) VALUES (${SECRET_NAME}, ${fresh}) ON CONFLICT (name) DO NOTHING`;
  return (await db.appSecret.findUniqueOrThrow({ where: { name: SECRET_NAME } })).value;
}
