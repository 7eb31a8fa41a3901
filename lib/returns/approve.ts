import 'server-only';
import type { Db } from '../db';
import { recordAudit } from '../audit/record';
import { authorize, type StaffActor } from '../auth/permissions';
import { sendReturnEmail } from './emails';
import type { ApproveInput } from './input';
import { moveReturn } from './move';

/** requested → approved, by staff, with an optional message to the customer; audited; then e-mailed once. */
export async function approveReturn(db: Db, actor: StaffActor | null, input: ApproveInput, now = new Date()): Promise<void> {
  authorize(actor, 'manageOrders');
  const message = input.message || null;
  await db.$transaction(async (tx) => {
    await moveReturn(tx, input.returnId, 'approve', { now, actorId: actor.id, note: message, data: { approvedAt: now, customerMessage: message } });
    await recordAudit(tx, actor, {
      action: 'return.approve',
      entityType: 'return',
      entityId: input.returnId,
      before: { status: 'requested' },
      after: { status: 'approved', message },
    });
  });
  await sendReturnEmail(db, input.returnId, 'approved', now);
}
