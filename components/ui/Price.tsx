import { formatMoney, type Money } from '@/lib/money-format';

/** A price, with the compare-at price struck through when the item is reduced. */
export function Price({ price, compareAt, from }: { price: Money; compareAt?: Money | null; from?: boolean }) {
  return (
    <span className="price">
      {from ? <span className="price__from">From </span> : null}
      <span className={compareAt ? 'price__now price__now--sale' : 'price__now'}>{formatMoney(price)}</span>
      {compareAt ? (
        <>
          {' '}
          <s className="price__was">
            <span className="visually-hidden">was </span>
            {formatMoney(compareAt)}
          </s>
        </>
      ) : null}
    </span>
  );
}
