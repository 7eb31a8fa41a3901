import type { Db } from '../db';
import { authorize, type StaffActor } from '../auth/permissions';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** The audit log, newest first, one page at a time: owners only. */
export async function listAudit(db: Db, actor: StaffActor, page: number): Promise<{ rows: AuditRow[]; page: number; pages: number; total: number }> {
  authorize(actor, 'readAuditLog');
  const total = await db.auditEntry.count();
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db.auditEntry.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.createdAt,
      actorEmail: r.actorEmail,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
    page: current,
    pages,
    total,
  };
}
