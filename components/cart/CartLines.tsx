'use client';

import Image from 'next/image';
import Link from 'next/link';
import type { CartLineView, LineProblem } from '@/lib/cart/types';
import { formatMoney } from '@/lib/money-format';
import { useCart } from './CartProvider';
import { CartAlert } from './CartAlert';

function problemText(p: LineProblem): string {
  switch (p.kind) {
    case 'unavailable':
      return 'No longer available. It is not counted in your total.';
    case 'sold-out':
      return 'Sold out since you added it. It is not counted in your total.';
    case 'reduced':
      return `Only ${p.available} left in stock: your quantity is now ${p.available}.`;
    case 'price-changed':
      return `Price changed from ${formatMoney(p.was)} since you added it.`;
  }
}

function Line({ line, compact }: { line: CartLineView; compact: boolean }) {
  const { setQuantity, remove, problem } = useCart();
  const error = problem && problem.variantId === line.variantId ? problem.message : null;
  const name = `${line.title}, ${line.colour}, ${line.size}`;
  return (
    <li className={line.purchasable ? 'cart-line' : 'cart-line cart-line--inactive'}>
      <div className="cart-line__media">{line.image ? <Image src={line.image.src} alt="" width={96} height={120} sizes="96px" /> : null}</div>
      <div className="cart-line__body">
        <p className="cart-line__title">
          <Link href={`/products/${line.productSlug}`}>{line.title}</Link>
        </p>
        <p className="cart-line__variant">
          {line.colour} · {line.size}
          {compact ? null : <span className="muted"> · {line.material}</span>}
        </p>
        <p className="cart-line__unit">{formatMoney(line.unitPrice)} each</p>
        {line.problems.map((p) => (
          <p key={p.kind} className="cart-line__problem">
            {problemText(p)}
          </p>
        ))}
        <CartAlert message={error} />
        <div className="cart-line__controls">
          {line.purchasable ? (
            <div className="stepper" role="group" aria-label={`Quantity of ${name}`}>
              <button
                type="button"
                aria-label={`Decrease quantity of ${name}`}
                disabled={line.quantity <= 1}
                onClick={() => setQuantity(line.variantId, line.quantity - 1)}
              >
                −
              </button>
              <output aria-label={`Quantity of ${name}`}>{line.quantity}</output>
              <button
                type="button"
                aria-label={`Increase quantity of ${name}`}
                disabled={line.quantity >= line.maxQuantity}
                onClick={() => setQuantity(line.variantId, line.quantity + 1)}
              >
                +
              </button>
            </div>
          ) : null}
          {line.purchasable && line.quantity >= line.maxQuantity ? (
            <span className="cart-line__limit">
              {line.limitedBy === 'stock' ? `Only ${line.maxQuantity} left in stock` : `At most ${line.maxQuantity} per order`}
            </span>
          ) : null}
          <button type="button" className="link-button" onClick={() => remove(line.variantId)} aria-label={`Remove ${name}`}>
            Remove
          </button>
        </div>
      </div>
      <p className="cart-line__total">{line.purchasable ? formatMoney(line.lineTotal) : '—'}</p>
    </li>
  );
}

export function CartLines({ lines, compact = false }: { lines: CartLineView[]; compact?: boolean }) {
  const { pending } = useCart();
  return (
    <ul className="cart-lines" aria-label="Items in your cart" aria-busy={pending}>
      {lines.map((l) => (
        <Line key={l.variantId} line={l} compact={compact} />
      ))}
    </ul>
  );
}
