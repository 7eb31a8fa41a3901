import 'server-only';
import { nextCookies } from 'better-auth/next-js';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { shopConfig } from '../config';
import { db } from '../db';
import { buildStaffAuth, type StaffAuth } from './auth';
import { allows, type Permission, type StaffActor } from './permissions';
import { staffSessionSecret } from './secret';

/**
 * The staff session in the app: Better Auth built once per process (its key comes from the
 * database or APP_SECRET, so it is made on first use), who is signed in, and the check every
 * /admin page, server action and route handler makes itself.
 */
const holder = globalThis as unknown as { __staffAuth?: Promise<StaffAuth> };

export function staffAuth(): Promise<StaffAuth> {
  holder.__staffAuth ??= (async () => {
    const config = shopConfig();
    const secret = await staffSessionSecret(db(), config.APP_SECRET);
    // nextCookies() lets sign-in and sign-out inside server actions set and clear the cookie; it must come last.
    return buildStaffAuth(db(), { secret, siteUrl: config.SITE_URL, plugins: [nextCookies()] });
  })().catch((e: unknown) => {
    holder.__staffAuth = undefined;
    throw e;
  });
  return holder.__staffAuth;
}

/** The signed-in, active staff member for this request, or null. Read fresh from the database: a role change or a disabled account counts at once. */
export const currentStaff = cache(async (): Promise<StaffActor | null> => {
  const auth = await staffAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = await db().staffUser.findUnique({ where: { id: session.user.id } });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

export const SIGN_IN_PATH = '/admin/sign-in';

/**
 * The check inside every /admin page and server action (a hidden button is not a check):
 * signed out → the sign-in page (coming back to `from` afterwards); signed in without the
 * permission → 403 (app/forbidden.tsx). Returns who is acting.
 */
export async function requireStaff(permission: Permission | null, from = '/admin'): Promise<StaffActor> {
  const actor = await currentStaff();
  if (!actor) redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(from)}`);
  if (permission && !allows(actor.role, permission)) forbidden();
  return actor;
}

/** For route handlers: a Response to send back when the caller may not (401 signed out, 403 too weak a role), or the actor. */
export async function staffOrResponse(permission: Permission): Promise<StaffActor | Response> {
  const actor = await currentStaff();
  const refuse = (status: number, error: string) =>
    new Response(JSON.stringify({ error }), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
  if (!actor) return refuse(401, 'Sign in to the staff area first.');
  if (!allows(actor.role, permission)) return refuse(403, 'Your role does not allow this.');
  return actor;
}
