import { AdminForm } from './AdminForm';
import type { AdminFormState } from './form-state';
import { formatMoney } from '@/lib/money-format';
import type { StaffRefundView } from '@/lib/returns/staff-view';
import { staffAt } from '@/components/admin/staff-time';

const REFUND_STATUS: Record<StaffRefundView['status'], string> = { pending: 'On its way', succeeded: 'Refunded', failed: 'Failed' };

/** Refunds with their outcome; a failed one says the provider's message and can be sent again (same idempotency key: never paid twice). */
export function RefundList({
  refunds,
  back,
  retry,
}: {
  refunds: StaffRefundView[];
  /** The page a retry comes back to. */
  back: string;
  retry: (prev: AdminFormState, form: FormData) => Promise<AdminFormState>;
}) {
  return (
    <ul className="admin-list admin-refunds">
      {refunds.map((r) => (
        <li key={r.id}>
          <strong>{formatMoney(r.amount)}</strong> <span className={`admin-status admin-status--refund-${r.status}`}>{REFUND_STATUS[r.status]}</span>{' '}
          <span className="muted">
            {r.kind === 'goodwill' ? 'goodwill, ' : r.kind === 'external' ? 'made at the payment provider, ' : ''}
            {staffAt(r.createdAt)}
            {r.by ? ` by ${r.by}` : ''}
          </span>
          {r.note ? <span className="admin-quote">{r.note}</span> : null}
          {r.status === 'failed' && r.failureMessage ? <span className="admin-refund__failure">{r.failureMessage}</span> : null}
          {r.retryable ? <AdminForm action={retry} hidden={{ refundId: r.id, back }} submitLabel="Retry refund" inline fields={[]} /> : null}
        </li>
      ))}
    </ul>
  );
}
