import { formatMoney } from '@/lib/money-format';
import type { PaymentView } from '@/lib/orders/order-page';

const PROVIDER: Record<PaymentView['provider'], string> = {
  stripe: 'Card (Stripe)',
  paypal: 'PayPal',
  test: 'Test payment — no money moves',
};

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** The payments taken for an order, as its buyer sees them. */
export function OrderPayments({ payments }: { payments: PaymentView[] }) {
  return (
    <section className="order-section" aria-labelledby="order-payments">
      <h2 id="order-payments">Payments</h2>
      {payments.length ? (
        <ul className="summary-lines">
          {payments.map((p, i) => (
            <li key={i}>
              <span>
                {PROVIDER[p.provider]}
                <br />
                <span className="muted small">{day.format(new Date(p.at))}</span>
              </span>
              <span>{formatMoney(p.amount)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No payment has been taken for this order.</p>
      )}
    </section>
  );
}
