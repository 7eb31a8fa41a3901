import { describe, expect, it } from 'vitest';
import { canMove, formatReturnNumber, parseReturnNumber, refusal, ReturnError, TRANSITIONS, type ReturnAction, type ReturnStatusName } from './states';

const ALL: ReturnStatusName[] = ['requested', 'approved', 'rejected', 'received', 'refunded', 'closed'];

describe('the return state machine', () => {
  it('allows exactly the moves of the table', () => {
    const allowed = (a: ReturnAction) => ALL.filter((s) => canMove(a, s));
    expect(allowed('approve')).toEqual(['requested']);
    expect(allowed('reject')).toEqual(['requested']);
    expect(allowed('receive')).toEqual(['approved']);
    expect(allowed('refund')).toEqual(['received']);
    expect(allowed('close')).toEqual(['requested', 'approved', 'received', 'refunded']);
    // Only when Stripe reports later that the refund failed (lib/returns/reconcile.ts).
    expect(allowed('reopen')).toEqual(['refunded']);
    expect(TRANSITIONS.reopen.to).toBe('received');
    expect(TRANSITIONS.refund.to).toBe('refunded');
  });

  it('says why a move is refused', () => {
    expect(refusal('approve', 'approved')).toBe('This return was already approved.');
    expect(refusal('approve', 'rejected')).toBe('This return cannot be approved: it was rejected.');
    expect(refusal('receive', 'requested')).toBe('This return cannot be marked as received: it is still waiting for approval.');
    expect(refusal('refund', 'approved')).toBe('This return cannot be refunded: its parcel has not been received yet.');
    expect(refusal('refund', 'refunded')).toBe('This return was already refunded.');
    expect(refusal('close', 'closed')).toBe('This return was already closed.');
    expect(refusal('reject', 'received')).toBe('This return cannot be rejected: it was already received.');
    expect(refusal('receive', 'closed')).toBe('This return cannot be marked as received: it is closed.');
    expect(refusal('reject', 'refunded')).toBe('This return cannot be rejected: it was already refunded.');
    expect(refusal('reopen', 'received')).toBe('This return was already reopened for a new refund.');
    expect(refusal('reopen', 'closed')).toBe('This return cannot be reopened for a new refund: it is closed.');
    const err = new ReturnError('not-allowed', refusal('approve', 'closed'));
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ name: 'ReturnError', code: 'not-allowed', message: 'This return cannot be approved: it is closed.' });
  });

  it('writes and reads return numbers', () => {
    expect(formatReturnNumber(5001)).toBe('R-5001');
    expect(parseReturnNumber('R-5001')).toBe(5001);
    expect(parseReturnNumber(' r5001 ')).toBe(5001);
    expect(parseReturnNumber('5001')).toBe(5001);
    expect(parseReturnNumber('MN-5001')).toBeNull();
    expect(parseReturnNumber('R-')).toBeNull();
    expect(parseReturnNumber('R-50x')).toBeNull();
  });
});
