import 'server-only';
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import type { Db } from '../db';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth-limits';

/** A staff session lasts 12 hours and is extended while used (once an hour at most). */
export const SESSION_SECONDS = 12 * 60 * 60;

export interface StaffAuthOptions {
  secret: string;
  siteUrl: string;
  plugins?: BetterAuthPlugin[];
}

/**
 * Better Auth over our Prisma client: e-mail and password, sessions in the database (StaffSession),
 * so any app server can read any session. Only what we call on the server is used: its HTTP handler
 * is not mounted, sign-up is off (accounts are made by lib/auth/staff.ts), and sign-in attempts are
 * counted in the database by lib/auth/throttle.ts before Better Auth is asked.
 */
export function buildStaffAuth(prisma: Db, options: StaffAuthOptions) {
  const https = new URL(options.siteUrl).protocol === 'https:';
  return betterAuth({
    appName: 'Staff',
    baseURL: options.siteUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [new URL(options.siteUrl).origin],
    database: prismaAdapter(prisma, { provider: 'postgresql' }),
    user: { modelName: 'staffUser' },
    session: { modelName: 'staffSession', expiresIn: SESSION_SECONDS, updateAge: 60 * 60 },
    account: { modelName: 'staffAccount' },
    verification: { modelName: 'staffVerification' },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: PASSWORD_MAX },
    // Counted in the database by lib/auth/throttle.ts (Better Auth's own limiter only sees its HTTP handler).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'staff',
      useSecureCookies: https,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: https, path: '/' },
    },
    telemetry: { enabled: false },
    databaseHooks: {
      session: {
        create: {
          // A disabled account gets no new session, whatever its password.
          before: async (session) => {
            const user = await prisma.staffUser.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
            return Boolean(user && !user.disabledAt);
          },
        },
      },
    },
    plugins: options.plugins ?? [],
  });
}

export type StaffAuth = ReturnType<typeof buildStaffAuth>;
