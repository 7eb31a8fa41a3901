/**
 * The return's state machine: which move is allowed from which status, and the sentence a person
 * reads when a move is refused. Each transition (request.ts, approve.ts, …) is a conditional UPDATE
 * on the status it starts from; when it finds nothing to move, refusal() says why.
 *   requested → approved | rejected | closed
 *   approved  → received | closed
 *   received  → refunded | closed
 *   refunded  → closed | received (reopen: its refund failed at the provider after it had succeeded)
 *   rejected, closed: final
 */
export type ReturnStatusName = 'requested' | 'approved' | 'rejected' | 'received' | 'refunded' | 'closed';
export type ReturnAction = 'approve' | 'reject' | 'receive' | 'refund' | 'close' | 'reopen';

export const TRANSITIONS: Record<ReturnAction, { from: readonly ReturnStatusName[]; to: ReturnStatusName }> = {
  approve: { from: ['requested'], to: 'approved' },
  reject: { from: ['requested'], to: 'rejected' },
  receive: { from: ['approved'], to: 'received' },
  refund: { from: ['received'], to: 'refunded' },
  close: { from: ['requested', 'approved', 'received', 'refunded'], to: 'closed' },
  reopen: { from: ['refunded'], to: 'received' },
};

export function canMove(action: ReturnAction, from: ReturnStatusName): boolean {
  return TRANSITIONS[action].from.includes(from);
}

const VERB: Record<ReturnAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  receive: 'marked as received',
  refund: 'refunded',
  close: 'closed',
  reopen: 'reopened for a new refund',
};

const BECAUSE: Record<ReturnStatusName, string> = {
  requested: 'it is still waiting for approval',
  approved: 'its parcel has not been received yet',
  rejected: 'it was rejected',
  received: 'it was already received',
  refunded: 'it was already refunded',
  closed: 'it is closed',
};

/** Why `action` cannot happen to a return in status `from`, as a sentence for staff or the customer. */
export function refusal(action: ReturnAction, from: ReturnStatusName): string {
  if (TRANSITIONS[action].to === from) return `This return was already ${VERB[action]}.`;
  return `This return cannot be ${VERB[action]}: ${BECAUSE[from]}.`;
}

/** A transition that is not allowed, or input that breaks a rule: `message` is meant for a person. */
export class ReturnError extends Error {
  constructor(
    readonly code:
      | 'not-found'
      | 'not-allowed'
      | 'order-not-returnable'
      | 'window-closed'
      | 'final-sale'
      | 'too-many'
      | 'bad-lines'
      | 'amount-too-high'
      | 'nothing-to-refund'
      | 'refund-in-progress'
      | 'no-payment',
    message: string,
  ) {
    super(message);
    this.name = 'ReturnError';
  }
}

/** "R-5001" */
export function formatReturnNumber(n: number): string {
  return `R-${n}`;
}

/** "R-5001", "r5001" or "5001" → 5001; anything else → null. */
export function parseReturnNumber(input: string): number | null {
  const m = /^\s*(?:R-?)?(\d{1,9})\s*$/i.exec(input);
  return m ? Number(m[1]) : null;
}
