import 'server-only';
import type { Db } from '../db';
import { recordAudit } from '../audit/record';
import { authorize, type StaffActor } from '../auth/permissions';
import type { CloseInput } from './input';
import { sendReturnEmail } from './emails';
import { lockOrder, moveReturn } from './move';
import { ReturnError } from './states';

/**
 * Ends a return: after its refund, or without one (the parcel never came, the customer withdrew, the
 * items were not as claimed). Not while a refund for it is on its way. Closed before a refund, the
 * customer is told (once); closing a refunded return is bookkeeping and sends nothing.
 */
export async function closeReturn(db: Db, actor: StaffActor | null, input: CloseInput, now = new Date()): Promise<void> {
  authorize(actor, 'manageOrders');
  const from = await db.$transaction(async (tx) => {
    // Refunds are made with the order row locked: locking it here too means a refund cannot slip in.
    const r = await tx.return.findUnique({ where: { id: input.returnId }, select: { orderId: true } });
    if (!r) throw new ReturnError('not-found', 'That return does not exist.');
    await lockOrder(tx, r.orderId);
    if (await tx.refund.count({ where: { returnId: input.returnId, status: 'pending' } })) {
      throw new ReturnError('refund-in-progress', 'A refund for this return is on its way: wait for it before closing the return.');
    }
    const from = await moveReturn(tx, input.returnId, 'close', { now, actorId: actor.id, note: input.note ?? null, data: { closedAt: now } });
    await recordAudit(tx, actor, {
      action: 'return.close',
      entityType: 'return',
      entityId: input.returnId,
      before: { status: from },
      after: { status: 'closed', note: input.note ?? null },
    });
    return from;
  });
  if (from !== 'refunded') await sendReturnEmail(db, input.returnId, 'closed', now);
}
