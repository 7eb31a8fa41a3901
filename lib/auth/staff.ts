import { hashPassword } from 'better-auth/crypto';
import type { Db, Prisma } from '../db';
import { recordAudit, SHELL_ACTOR, type AuditActor } from '../audit/record';
import { authorize, type StaffActor } from './permissions';
import { newStaffSchema, setupSchema, type NewStaff, type SetupInput } from './input';
import type { StaffRole } from './roles';

type Tx = Prisma.TransactionClient;

export type StaffErrorKind = 'setup-closed' | 'email-taken' | 'not-found' | 'last-owner' | 'self';

/** A staff change refused for a reason a person can act on; `field` names the form field it belongs beside. */
export class StaffError extends Error {
  constructor(
    readonly kind: StaffErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'StaffError';
  }
}

export interface StaffSummary {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
}

function summary(u: { id: string; email: string; name: string; role: StaffRole; disabledAt: Date | null }): StaffSummary {
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'P2002';
}

/** Marks the one-time setup as done; true when this call did it (the row's fixed key decides between racers). */
async function claimSetup(tx: Tx): Promise<boolean> {
  return (await tx.$executeRaw`INSERT INTO "StaffSetup" (id, "completedAt") VALUES (1, now()) ON CONFLICT (id) DO NOTHING`) === 1;
}

/** The account row and Better Auth's credential row (password hashed with Better Auth's scrypt). */
async function insertAccount(tx: Tx, input: NewStaff, passwordHash: string) {
  const user = await tx.staffUser.create({ data: { email: input.email, name: input.name, role: input.role, emailVerified: true } });
  await tx.staffAccount.create({ data: { userId: user.id, accountId: user.id, providerId: 'credential', password: passwordHash } });
  return user;
}

async function withEmailCheck<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw new StaffError('email-taken', 'A staff account with that e-mail already exists.', 'email');
    throw e;
  }
}

/** Whether the one-time owner setup is still open (no staff account was ever made). */
export async function setupOpen(db: Db): Promise<boolean> {
  return (await db.staffSetup.count()) === 0;
}

/**
 * The first account, from the one-time setup form: an owner. Two setups at once end with exactly
 * one owner: the StaffSetup row's fixed key lets one transaction in and sends the other away.
 */
export async function setupOwner(db: Db, raw: SetupInput): Promise<StaffSummary> {
  const input = setupSchema.parse(raw);
  const hash = await hashPassword(input.password);
  return withEmailCheck(() =>
    db.$transaction(async (tx) => {
      if (!(await claimSetup(tx))) throw new StaffError('setup-closed', 'This shop already has an owner. Sign in instead.');
      const user = await insertAccount(tx, { ...input, role: 'owner' }, hash);
      await recordAudit(
        tx,
        { id: user.id, email: user.email },
        { action: 'staff.setup', entityType: 'staff', entityId: user.id, before: null, after: summary(user) },
      );
      return summary(user);
    }),
  );
}

/** `npm run staff:create`: any role, from a shell (whoever has the shell has the database). Closes the setup form. */
export async function createStaffFromShell(db: Db, input: NewStaff): Promise<StaffSummary> {
  return createStaff(db, SHELL_ACTOR, input);
}

/** An owner adds a staff account with a first password they hand over. */
export async function inviteStaff(db: Db, actor: StaffActor, input: NewStaff): Promise<StaffSummary> {
  authorize(actor, 'manageStaff');
  return createStaff(db, actor, input);
}

async function createStaff(db: Db, actor: AuditActor, raw: NewStaff): Promise<StaffSummary> {
  const input = newStaffSchema.parse(raw);
  const hash = await hashPassword(input.password);
  return withEmailCheck(() =>
    db.$transaction(async (tx) => {
      await claimSetup(tx);
      const user = await insertAccount(tx, input, hash);
      await recordAudit(tx, actor, { action: 'staff.create', entityType: 'staff', entityId: user.id, before: null, after: summary(user) });
      return summary(user);
    }),
  );
}

/**
 * Locks the active owners' rows, so two owners demoting or disabling each other at once are
 * decided one after the other, then runs `change` and refuses it if it left no active owner.
 */
async function keepingAnOwner<T>(tx: Tx, change: () => Promise<T>): Promise<T> {
  await tx.$queryRaw`SELECT id FROM "StaffUser" WHERE role = 'owner' AND "disabledAt" IS NULL ORDER BY id FOR UPDATE`;
  const result = await change();
  const owners = await tx.staffUser.count({ where: { role: 'owner', disabledAt: null } });
  if (owners === 0) throw new StaffError('last-owner', 'The shop needs at least one active owner: make someone else an owner first.');
  return result;
}

export async function changeRole(db: Db, actor: StaffActor, userId: string, role: StaffRole): Promise<StaffSummary> {
  authorize(actor, 'manageStaff');
  return db.$transaction((tx) =>
    keepingAnOwner(tx, async () => {
      const before = await tx.staffUser.findUnique({ where: { id: userId } });
      if (!before) throw new StaffError('not-found', 'That staff account does not exist.');
      if (before.role === role) return summary(before);
      const after = await tx.staffUser.update({ where: { id: userId }, data: { role } });
      await recordAudit(tx, actor, { action: 'staff.role', entityType: 'staff', entityId: userId, before: { role: before.role }, after: { role: after.role } });
      return summary(after);
    }),
  );
}

/** Disables an account and ends its sessions at once; it can no longer sign in. */
export async function disableStaff(db: Db, actor: StaffActor, userId: string, now: Date = new Date()): Promise<StaffSummary> {
  authorize(actor, 'manageStaff');
  if (userId === actor.id) throw new StaffError('self', 'You cannot disable your own account.');
  return db.$transaction((tx) =>
    keepingAnOwner(tx, async () => {
      const before = await tx.staffUser.findUnique({ where: { id: userId } });
      if (!before) throw new StaffError('not-found', 'That staff account does not exist.');
      if (before.disabledAt) return summary(before);
      const after = await tx.staffUser.update({ where: { id: userId }, data: { disabledAt: now } });
      await tx.staffSession.deleteMany({ where: { userId } });
      await recordAudit(tx, actor, { action: 'staff.disable', entityType: 'staff', entityId: userId, before: { disabled: false }, after: { disabled: true } });
      return summary(after);
    }),
  );
}

/** Lets a disabled account sign in again (with its old password; its sessions ended when it was disabled). */
export async function enableStaff(db: Db, actor: StaffActor, userId: string): Promise<StaffSummary> {
  authorize(actor, 'manageStaff');
  return db.$transaction(async (tx) => {
    const before = await tx.staffUser.findUnique({ where: { id: userId } });
    if (!before) throw new StaffError('not-found', 'That staff account does not exist.');
    // Conditional: of two owners pressing it at once, one enables it and writes the audit entry.
    const moved = await tx.staffUser.updateMany({ where: { id: userId, disabledAt: { not: null } }, data: { disabledAt: null } });
    const after = await tx.staffUser.findUniqueOrThrow({ where: { id: userId } });
    if (moved.count)
      await recordAudit(tx, actor, { action: 'staff.enable', entityType: 'staff', entityId: userId, before: { disabled: true }, after: { disabled: false } });
    return summary(after);
  });
}

export async function listStaff(db: Db, actor: StaffActor): Promise<StaffSummary[]> {
  authorize(actor, 'manageStaff');
  const rows = await db.staffUser.findMany({ orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'asc' }] });
  return rows.map(summary);
}
