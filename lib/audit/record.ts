import type { Prisma } from '../db';

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
