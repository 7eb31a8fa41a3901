import type { Prisma } from '../db';
import { ReturnError, refusal, TRANSITIONS, type ReturnAction, type ReturnStatusName } from './states';

type Tx = Prisma.TransactionClient;

/**
 * One move of the state machine: a conditional UPDATE on the statuses the action starts from, so
 * of two staff at once exactly one moves the return; the other gets the refusal's sentence. The
 * history row is written in the same transaction. Returns the status it moved from.
 */
export async function moveReturn(
  tx: Tx,
  returnId: string,
  action: ReturnAction,
  p: { now: Date; actorId: string | null; note: string | null; data?: Prisma.ReturnUpdateManyMutationInput },
): Promise<ReturnStatusName> {
  const { from, to } = TRANSITIONS[action];
  // Conditional on the exact status read, so the history names the right "from"; when another
  // move got in between to a status this action also starts from, look again.
  for (;;) {
    const current = await tx.return.findUnique({ where: { id: returnId }, select: { status: true } });
    if (!current) throw new ReturnError('not-found', 'That return does not exist.');
    if (!from.includes(current.status)) throw new ReturnError('not-allowed', refusal(action, current.status));
    const moved = await tx.return.updateMany({ where: { id: returnId, status: current.status }, data: { ...p.data, status: to, updatedAt: p.now } });
    if (moved.count) {
      await tx.returnEvent.create({ data: { returnId, from: current.status, to, note: p.note, actorId: p.actorId, createdAt: p.now } });
      return current.status;
    }
  }
}
/** Locks the order row for the rest of the transaction: returns and refunds of one order queue here. */
export async function lockOrder(tx: Tx, orderId: string): Promise<{ id: string; status: string } | null> {
  const rows = await tx.$queryRaw<{ id: string; status: string }[]>`SELECT id, status::text AS status FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
  return rows[0] ?? null;
}
