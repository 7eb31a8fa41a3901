'use client';

import Image from 'next/image';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
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

function Line({ line, compact, beforeRemove }: { line: CartLineView; compact: boolean; beforeRemove: () => void }) {
  const { setQuantity, remove, problem } = useCart();
  const error = problem && problem.variantId === line.variantId ? problem.message : null;
  const name = `${line.title}, ${line.colour}, ${line.size}`;
  // At the ends the buttons say they cannot go further (aria-disabled) but stay focusable: a
  // disabled button would drop the keyboard's focus to <body> the moment "−" reaches 1.
  const atLeast = line.quantity <= 1;
  const atMost = line.quantity >= line.maxQuantity;
  return (
    <li className={line.purchasable ? 'cart-line' : 'cart-line cart-line--inactive'} data-variant-id={line.variantId}>
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
                aria-disabled={atLeast || undefined}
                onClick={() => {
                  if (!atLeast) void setQuantity(line.variantId, line.quantity - 1);
                }}
              >
                −
              </button>
              {/* Plain text, not an <output>: that is a live region of its own, and the change is already announced once. */}
              <span className="stepper__value">{line.quantity}</span>
              <button
                type="button"
                aria-label={`Increase quantity of ${name}`}
                aria-disabled={atMost || undefined}
                onClick={() => {
                  if (!atMost) void setQuantity(line.variantId, line.quantity + 1);
                }}
              >
                +
              </button>
            </div>
          ) : null}
          {line.purchasable && atMost ? (
            <span className="cart-line__limit">
              {line.limitedBy === 'stock' ? `Only ${line.maxQuantity} left in stock` : `At most ${line.maxQuantity} per order`}
            </span>
          ) : null}
          <button
            type="button"
            className="link-button cart-line__remove"
            onClick={() => {
              beforeRemove();
              void remove(line.variantId);
            }}
            aria-label={`Remove ${name}`}
          >
            Remove
          </button>
        </div>
      </div>
      <p className="cart-line__total">{line.purchasable ? formatMoney(line.lineTotal) : '—'}</p>
    </li>
  );
}

/**
 * The cart's lines. Removing one moves the focus to the next line's title (the previous one's for
 * the last line), where a keyboard user carries on; removing the only one calls `onLastRemoved`, so
 * the drawer or page that shows the empty cart can take the focus.
 */
export function CartLines({ lines, compact = false, onLastRemoved }: { lines: CartLineView[]; compact?: boolean; onLastRemoved?: () => void }) {
  const { pending } = useCart();
  const list = useRef<HTMLUListElement>(null);
  const focusLine = useRef<string | null>(null);

  useEffect(() => {
    const id = focusLine.current;
    if (!id) return;
    const link = [...(list.current?.querySelectorAll<HTMLElement>('li[data-variant-id]') ?? [])]
      .find((li) => li.dataset.variantId === id)
      ?.querySelector<HTMLElement>('.cart-line__title a');
    if (link) {
      focusLine.current = null;
      link.focus();
    }
  });

  function beforeRemove(index: number) {
    const next = lines[index + 1] ?? lines[index - 1];
    if (next) focusLine.current = next.variantId;
    else onLastRemoved?.();
  }

  return (
    <ul ref={list} className="cart-lines" aria-label="Items in your cart" aria-busy={pending}>
      {lines.map((l, i) => (
        <Line key={l.variantId} line={l} compact={compact} beforeRemove={() => beforeRemove(i)} />
      ))}
    </ul>
  );
}
