import { expect, it } from 'vitest';
import { buildStaffAuth } from '@/lib/auth/auth';
import { PermissionError } from '@/lib/auth/permissions';
import { changeRole, createStaffFromShell, disableStaff, enableStaff, inviteStaff, listStaff, setupOpen, setupOwner, StaffError } from '@/lib/auth/staff';
import {
  accountKey,
  addressKey,
  countAttempt,
  PURGE_GRACE_SECONDS,
  purgeOldAttempts,
  signInAttempt,
  signInSucceeded,
  SIGN_IN_LIMITS,
} from '@/lib/auth/throttle';
import { listAudit } from '@/lib/audit/list';
import { staffSessionSecret } from '@/lib/auth/secret';
import { describeEachDatabase } from '../support/databases';

const PASSWORD = 'correct horse battery';

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof StaffError) return e.kind;
    if (e instanceof PermissionError) return `403 ${e.message}`;
    throw e;
  }
}

describeEachDatabase('staff accounts', (ctx) => {
  const auth = () => buildStaffAuth(ctx.db, { secret: 'x'.repeat(43), siteUrl: 'http://127.0.0.1:3000' });

  it('six setups at once make exactly one owner, and the form never opens again', async () => {
    expect(await setupOpen(ctx.db)).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => outcome(setupOwner(ctx.db, { email: `owner${i}@example.com`, name: `Owner ${i}`, password: PASSWORD }))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'setup-closed')).toHaveLength(5);
    expect(await ctx.db.staffUser.count()).toBe(1);
    expect(await ctx.db.staffUser.count({ where: { role: 'owner' } })).toBe(1);
    expect(await setupOpen(ctx.db)).toBe(false);
    expect(await outcome(setupOwner(ctx.db, { email: 'late@example.com', name: 'Late', password: PASSWORD }))).toBe('setup-closed');
    // The setup is in the audit log, written with it.
    expect(await ctx.db.auditEntry.count({ where: { action: 'staff.setup' } })).toBe(1);
  });

  it('signs in with the password through Better Auth, sessions in the database; a wrong password or a disabled account gets none', async () => {
    const owner = await ctx.db.staffUser.findFirstOrThrow({ where: { role: 'owner' } });
    const signedIn = await auth().api.signInEmail({ body: { email: owner.email, password: PASSWORD } });
    expect(signedIn.token).toBeTruthy();
    expect(await ctx.db.staffSession.count({ where: { userId: owner.id } })).toBe(1);
    await expect(auth().api.signInEmail({ body: { email: owner.email, password: 'wrong password here' } })).rejects.toThrow();

    const actor = { id: owner.id, email: owner.email, name: owner.name, role: 'owner' as const };
    const editor = await inviteStaff(ctx.db, actor, { email: 'Editor@Example.com', name: 'Ed', role: 'editor', password: PASSWORD });
    expect(editor.email).toBe('editor@example.com');
    await auth().api.signInEmail({ body: { email: 'editor@example.com', password: PASSWORD } });
    expect(await ctx.db.staffSession.count({ where: { userId: editor.id } })).toBe(1);
    await disableStaff(ctx.db, actor, editor.id);
    expect(await ctx.db.staffSession.count({ where: { userId: editor.id } })).toBe(0);
    await expect(auth().api.signInEmail({ body: { email: 'editor@example.com', password: PASSWORD } })).rejects.toThrow();
    expect(await ctx.db.staffSession.count({ where: { userId: editor.id } })).toBe(0);
    // Enabled again (twice at once: one audit entry), the old password works again.
    const enabled = await Promise.all([enableStaff(ctx.db, actor, editor.id), enableStaff(ctx.db, actor, editor.id)]);
    expect(enabled.map((e) => e.disabled)).toEqual([false, false]);
    expect(await ctx.db.auditEntry.count({ where: { action: 'staff.enable', entityId: editor.id } })).toBe(1);
    await auth().api.signInEmail({ body: { email: 'editor@example.com', password: PASSWORD } });
    expect(await ctx.db.staffSession.count({ where: { userId: editor.id } })).toBe(1);
    await expect(enableStaff(ctx.db, { ...actor, role: 'manager' }, editor.id)).rejects.toBeInstanceOf(PermissionError);
    await disableStaff(ctx.db, actor, editor.id);
  });

  it('refuses staff changes from roles without the permission, writing nothing', async () => {
    const owner = await ctx.db.staffUser.findFirstOrThrow({ where: { role: 'owner' } });
    const ownerActor = { id: owner.id, email: owner.email, name: owner.name, role: 'owner' as const };
    const manager = await inviteStaff(ctx.db, ownerActor, { email: 'manager@example.com', name: 'Mo', role: 'manager', password: PASSWORD });
    const managerActor = { ...manager, role: 'manager' as const };
    const [users, audits] = [await ctx.db.staffUser.count(), await ctx.db.auditEntry.count()];
    expect(await outcome(inviteStaff(ctx.db, managerActor, { email: 'x@example.com', name: 'X', role: 'owner', password: PASSWORD }))).toBe(
      '403 Only an owner can manage staff accounts.',
    );
    expect(await outcome(changeRole(ctx.db, managerActor, manager.id, 'owner'))).toBe('403 Only an owner can manage staff accounts.');
    expect(await outcome(disableStaff(ctx.db, managerActor, owner.id))).toBe('403 Only an owner can manage staff accounts.');
    expect(await outcome(listStaff(ctx.db, managerActor))).toBe('403 Only an owner can manage staff accounts.');
    expect(await outcome(listAudit(ctx.db, managerActor, 1))).toBe('403 Only an owner can read the audit log.');
    expect([await ctx.db.staffUser.count(), await ctx.db.auditEntry.count()]).toEqual([users, audits]);
    expect((await ctx.db.staffUser.findUniqueOrThrow({ where: { id: manager.id } })).role).toBe('manager');
  });

  it('writes the audit entry with the change, and neither when the change is refused', async () => {
    const owner = await ctx.db.staffUser.findFirstOrThrow({ where: { role: 'owner' } });
    const actor = { id: owner.id, email: owner.email, name: owner.name, role: 'owner' as const };
    const manager = await ctx.db.staffUser.findUniqueOrThrow({ where: { email: 'manager@example.com' } });
    await changeRole(ctx.db, actor, manager.id, 'editor');
    const entry = await ctx.db.auditEntry.findFirstOrThrow({ where: { action: 'staff.role', entityId: manager.id } });
    expect(entry).toMatchObject({ actorId: owner.id, actorEmail: owner.email, before: { role: 'manager' }, after: { role: 'editor' } });
    // The only owner cannot demote themself: refused, and no audit row.
    const before = await ctx.db.auditEntry.count();
    expect(await outcome(changeRole(ctx.db, actor, owner.id, 'manager'))).toBe('last-owner');
    expect(await ctx.db.auditEntry.count()).toBe(before);
    expect((await ctx.db.staffUser.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe('owner');
    // An existing e-mail is a field error, not a crash.
    await expect(inviteStaff(ctx.db, actor, { email: 'manager@example.com', name: 'Again', role: 'editor', password: PASSWORD })).rejects.toMatchObject({
      kind: 'email-taken',
      field: 'email',
      message: 'A staff account with that e-mail already exists.',
    });
    const page = await listAudit(ctx.db, actor, 1);
    expect(page.rows[0]).toMatchObject({ action: 'staff.role', actorEmail: owner.email });
  });

  it('two owners demoting each other at once keep one owner', async () => {
    const owner = await ctx.db.staffUser.findFirstOrThrow({ where: { role: 'owner' } });
    const actor = { id: owner.id, email: owner.email, name: owner.name, role: 'owner' as const };
    const second = await inviteStaff(ctx.db, actor, { email: 'second-owner@example.com', name: 'Two', role: 'owner', password: PASSWORD });
    const secondActor = { ...second, role: 'owner' as const };
    const results = await Promise.all([
      outcome(changeRole(ctx.db, actor, second.id, 'manager')),
      outcome(changeRole(ctx.db, secondActor, owner.id, 'manager')),
    ]);
    expect(results.sort()).toEqual(['last-owner', 'ok']);
    expect(await ctx.db.staffUser.count({ where: { role: 'owner', disabledAt: null } })).toBe(1);
  });

  it('staff:create works from a shell and closes the setup form', async () => {
    // (Setup was already closed above; the shell still adds accounts of any role.)
    const made = await createStaffFromShell(ctx.db, { email: 'shell@example.com', name: 'Shell', role: 'manager', password: PASSWORD });
    expect(made.role).toBe('manager');
    expect(await ctx.db.auditEntry.count({ where: { entityId: made.id, actorId: null, actorEmail: 'shell (npm run staff:create)' } })).toBe(1);
  });

  it('says why in a sentence when a change cannot be made, and lists accounts enabled first, oldest first', async () => {
    const owner = await ctx.db.staffUser.findFirstOrThrow({ where: { role: 'owner' }, orderBy: { createdAt: 'asc' } });
    const actor = { id: owner.id, email: owner.email, name: owner.name, role: 'owner' as const };
    const refusal = async (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof StaffError ? `${e.kind}: ${e.message}` : Promise.reject(e)),
      );
    const gone = 'not-found: That staff account does not exist.';
    expect(await refusal(changeRole(ctx.db, actor, 'no-such-account', 'editor'))).toBe(gone);
    expect(await refusal(disableStaff(ctx.db, actor, 'no-such-account'))).toBe(gone);
    expect(await refusal(enableStaff(ctx.db, actor, 'no-such-account'))).toBe(gone);
    expect(await refusal(disableStaff(ctx.db, actor, owner.id))).toBe('self: You cannot disable your own account.');
    expect(await refusal(setupOwner(ctx.db, { email: 'late2@example.com', name: 'Late', password: PASSWORD }))).toBe(
      'setup-closed: This shop already has an owner. Sign in instead.',
    );
    // An invitation is in the audit log under its own name.
    const invited = await inviteStaff(ctx.db, actor, { email: 'invited@example.com', name: 'In', role: 'editor', password: PASSWORD });
    expect(await ctx.db.auditEntry.findFirstOrThrow({ where: { entityId: invited.id } })).toMatchObject({ action: 'staff.create', actorId: owner.id });

    await disableStaff(ctx.db, actor, invited.id);
    const listed = await listStaff(ctx.db, actor);
    const byEmail = new Map((await ctx.db.staffUser.findMany()).map((r) => [r.email, r]));
    expect(listed).toHaveLength(byEmail.size);
    // Enabled accounts first, then the disabled ones; each part oldest first (the order of equal times is not promised).
    const firstDisabled = listed.findIndex((r) => r.disabled);
    expect(firstDisabled).toBeGreaterThan(0);
    expect(listed.slice(firstDisabled).every((r) => r.disabled)).toBe(true);
    const created = (part: typeof listed) => part.map((r) => byEmail.get(r.email)!.createdAt.getTime());
    const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! <= x);
    expect(ascending(created(listed.slice(0, firstDisabled)))).toBe(true);
    expect(listed[0]!.email).toBe(owner.email);
    expect(listed.map((r) => r.email)).toContain('invited@example.com');
  });

  it('marks the session cookie Secure (and __Secure-) only when the shop is served over https', async () => {
    const signIn = (siteUrl: string) =>
      buildStaffAuth(ctx.db, { secret: 'x'.repeat(43), siteUrl }).api.signInEmail({
        body: { email: 'shell@example.com', password: PASSWORD },
        returnHeaders: true,
      });
    const cookieOf = async (siteUrl: string) => (await signIn(siteUrl)).headers.getSetCookie().find((c) => c.includes('session_token'))!;
    const plain = await cookieOf('http://127.0.0.1:3000');
    expect(plain).toMatch(/^staff\.session_token=/);
    expect(plain).not.toMatch(/;\s*Secure/i);
    const secure = await cookieOf('https://shop.example.com');
    expect(secure).toMatch(/^__Secure-staff\.session_token=/);
    expect(secure).toMatch(/;\s*Secure/i);
  });

  it('shares one session key between app servers through the database', async () => {
    const [a, b] = await Promise.all([staffSessionSecret(ctx.db, undefined), staffSessionSecret(ctx.db, undefined)]);
    expect(a).toBe(b);
    expect(await staffSessionSecret(ctx.db, 'y'.repeat(32))).not.toBe(a);
  });
});

describeEachDatabase('sign-in attempts are counted in the database', (ctx) => {
  const now = new Date('2026-11-27T10:00:00Z');

  it('allows five tries per account, then says how long to wait; another account is not affected', async () => {
    const who = { email: 'target@example.com', address: '198.51.100.1' };
    for (let i = 0; i < SIGN_IN_LIMITS.account.max; i++) expect(await signInAttempt(ctx.db, who, now)).toEqual({ allowed: true });
    expect(await signInAttempt(ctx.db, { ...who, email: 'TARGET@example.com' }, new Date(now.getTime() + 60_000))).toEqual({
      allowed: false,
      retryAfterSeconds: 840,
      message: 'Too many sign-in attempts. Try again in 14 minutes.',
    });
    expect(await signInAttempt(ctx.db, { ...who, email: 'other@example.com' }, now)).toEqual({ allowed: true });
    // A new window starts once the old one has passed.
    expect(await signInAttempt(ctx.db, who, new Date(now.getTime() + SIGN_IN_LIMITS.account.windowSeconds * 1000))).toEqual({ allowed: true });
  });

  it('counts concurrent attempts one by one (no lost updates), and per address across accounts', async () => {
    const counts = await Promise.all(Array.from({ length: 12 }, () => countAttempt(ctx.db, 'account:race@example.com', SIGN_IN_LIMITS.account, now)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const address = '203.0.113.7';
    const results = [];
    for (let i = 0; i < SIGN_IN_LIMITS.address.max + 1; i++) results.push(await signInAttempt(ctx.db, { email: `spray${i}@example.com`, address }, now));
    expect(results.slice(0, -1).every((r) => r.allowed)).toBe(true);
    expect(results.at(-1)).toMatchObject({ allowed: false, message: 'Too many sign-in attempts. Try again in 15 minutes.' });
  });

  it('successful sign-ins do not use up the address’s tries (an office behind one address); failed ones do', async () => {
    const address = '198.51.100.4';
    for (let i = 0; i < SIGN_IN_LIMITS.address.max * 2; i++) {
      const who = { email: `staff${i % 4}@example.com`, address };
      expect(await signInAttempt(ctx.db, who, now)).toEqual({ allowed: true });
      await signInSucceeded(ctx.db, who);
    }
    const row = await ctx.db.signInThrottle.findUniqueOrThrow({ where: { key: `address:${address}` } });
    expect(row.count).toBe(0);
    expect(await ctx.db.signInThrottle.count({ where: { key: { startsWith: 'account:staff' } } })).toBe(0);
    for (let i = 0; i < SIGN_IN_LIMITS.address.max; i++)
      expect((await signInAttempt(ctx.db, { email: `guess${i}@example.com`, address }, now)).allowed).toBe(true);
    expect((await signInAttempt(ctx.db, { email: 'one-more@example.com', address }, now)).allowed).toBe(false);
    // Giving back never goes below zero.
    await ctx.db.signInThrottle.update({ where: { key: `address:${address}` }, data: { count: 0 } });
    await signInSucceeded(ctx.db, { email: 'x@example.com', address });
    expect((await ctx.db.signInThrottle.findUniqueOrThrow({ where: { key: `address:${address}` } })).count).toBe(0);
  });
  it('refused on both counts, waits for the later of the two windows', async () => {
    const who = { email: 'both@example.com', address: '198.51.100.9' };
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    // The account's window began 10 minutes ago (5 left), the address's 1 minute ago (14 left): both are full.
    await ctx.db.signInThrottle.create({ data: { key: accountKey(who.email), count: SIGN_IN_LIMITS.account.max, windowStart: minutesAgo(10) } });
    await ctx.db.signInThrottle.create({ data: { key: addressKey(who.address), count: SIGN_IN_LIMITS.address.max, windowStart: minutesAgo(1) } });
    expect(await signInAttempt(ctx.db, who, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 14 * 60,
      message: 'Too many sign-in attempts. Try again in 14 minutes.',
    });
  });

  it('forgets windows an hour after they ended, on every attempt, so a spray of made-up accounts does not pile up', async () => {
    const later = new Date(now.getTime() + 24 * 3600_000);
    // A window is forgotten an hour after it ended: another server's clock may run a little ahead of this one.
    const forgetAfter = (SIGN_IN_LIMITS.account.windowSeconds + PURGE_GRACE_SECONDS) * 1000;
    expect(PURGE_GRACE_SECONDS).toBe(3600);
    await ctx.db.signInThrottle.deleteMany();
    await ctx.db.signInThrottle.createMany({
      data: [
        { key: 'account:long-ended@example.com', count: 3, windowStart: new Date(later.getTime() - forgetAfter - 1) },
        { key: 'account:forgotten-now@example.com', count: 3, windowStart: new Date(later.getTime() - forgetAfter) },
        { key: 'account:just-ended@example.com', count: 3, windowStart: new Date(later.getTime() - SIGN_IN_LIMITS.account.windowSeconds * 1000 - 60_000) },
        { key: 'account:current@example.com', count: 3, windowStart: new Date(later.getTime() - 60_000) },
      ],
    });
    expect(await purgeOldAttempts(ctx.db, later)).toBe(1);
    const keys = async () => (await ctx.db.signInThrottle.findMany({ orderBy: { key: 'asc' } })).map((r) => r.key);
    expect(await keys()).toEqual(['account:current@example.com', 'account:forgotten-now@example.com', 'account:just-ended@example.com']);
    // An attempt half a minute later forgets the window whose hour has passed since, keeps the others, and counts itself.
    await signInAttempt(ctx.db, { email: 'next@example.com', address: '198.51.100.10' }, new Date(later.getTime() + 30_000));
    expect(await keys()).toEqual(['account:current@example.com', 'account:just-ended@example.com', 'account:next@example.com', 'address:198.51.100.10']);
  });
});
