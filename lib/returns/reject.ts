import 'server-only';
import type { Db } from '../db';
import { recordAudit } from '../audit/record';
import { authorize, type StaffActor } from '../auth/permissions';
import { sendReturnEmail } from './emails';
import type { RejectInput } from './input';
import { moveReturn } from './move';

/** requested → rejected, by staff, with the reason for the customer (required); audited; then e-mailed once. */
export async function rejectReturn(db: Db, actor: StaffActor | null, input: RejectInput, now = new Date()): Promise<void> {
  authorize(actor, 'manageOrders');
  await db.$transaction(async (tx) => {
    await moveReturn(tx, input.returnId, 'reject', { now, actorId: actor.id, note: input.message, data: { rejectedAt: now, customerMessage: input.message } });
    await recordAudit(tx, actor, {
      action: 'return.reject',
      entityType: 'return',
      entityId: input.returnId,
      before: { status: 'requested' },
      after: { status: 'rejected', message: input.message },
    });
  });
  await sendReturnEmail(db, input.returnId, 'rejected', now);
}
