import type { Prisma } from '../db';
import { batches } from '../db/batches';
import { newId } from '../db/new-id';

type Tx = Prisma.TransactionClient;

/** Who made a change: a staff member, or the shell (npm run staff:create) with no account. */
export interface AuditActor {
  id: string | null;
  email: string;
}

export const SHELL_ACTOR: AuditActor = { id: null, email: 'shell (npm run staff:create)' };

export interface AuditChange {
  /** What was done, e.g. "product.update", "staff.role", "stock.adjust". */
  action: string;
  entityType: 'staff' | 'product' | 'variant' | 'setup' | 'order' | 'article' | 'return' | 'refund';
  entityId: string | null;
  /** A JSON summary of the parts that changed, before and after (null: did not exist / no longer exists). */
  before: unknown;
  after: unknown;
}

function json(v: unknown): Prisma.InputJsonValue | undefined {
  return v === null || v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue);
}

/** Writes the audit entry of a change. Call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, actor: AuditActor, change: AuditChange): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: json(change.before),
      after: json(change.after),
    },
  });
}

/**
 * The audit entries of many changes by one actor (a bulk import's thousands of new products): one
 * INSERT per 1,000 entries instead of one each, the same rows recordAudit writes. Inside the caller's transaction.
 */
export async function recordAudits(tx: Tx, actor: AuditActor, changes: readonly AuditChange[]): Promise<void> {
  const text = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  for (const b of batches(changes, 1_000)) {
    await tx.$executeRaw`
      INSERT INTO "AuditEntry" (id, "actorId", "actorEmail", action, "entityType", "entityId", before, after)
      SELECT u.id, ${actor.id}::text, ${actor.email}::text, u.action, u."entityType", u."entityId", u.before::jsonb, u.after::jsonb
      FROM unnest(${b.map(() => newId())}::text[], ${b.map((c) => c.action)}::text[], ${b.map((c) => c.entityType)}::text[],
        ${b.map((c) => c.entityId)}::text[], ${b.map((c) => text(c.before))}::text[], ${b.map((c) => text(c.after))}::text[])
        AS u(id, action, "entityType", "entityId", before, after)`;
  }
}
