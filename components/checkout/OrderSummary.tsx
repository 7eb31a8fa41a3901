import { formatMoney, type Money } from '@/lib/money-format';

/** Lines and totals of an order or a cart about to become one: the checkout summary and the order page share it. */
export function OrderSummary(props: {
  lines: { key: string; title: string; colour: string; size: string; quantity: number; lineTotal: Money }[];
  subtotal: Money;
  shippingLabel: string;
  shipping: Money;
  total: Money;
}) {
  return (
    <>
      <ul className="summary-lines" aria-label="Items in your order">
        {props.lines.map((l) => (
          <li key={l.key}>
            <span>
              {l.title}{' '}
              <span className="muted small">
                ({l.colour}, {l.size})
              </span>{' '}
              × {l.quantity}
            </span>
            <span>{formatMoney(l.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <div>
          <dt>Subtotal</dt>
          <dd>{formatMoney(props.subtotal)}</dd>
        </div>
        <div>
          <dt>Shipping ({props.shippingLabel})</dt>
          <dd>{props.shipping.amount === 0 ? 'Free' : formatMoney(props.shipping)}</dd>
        </div>
        <div className="totals__total">
          <dt>Total</dt>
          <dd>{formatMoney(props.total)}</dd>
        </div>
      </dl>
    </>
  );
}
