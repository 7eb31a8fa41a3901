'use client';

import { useMemo, useState } from 'react';
import { stockHint, stockHintText } from '@/lib/catalog/stock';
import type { VariantView } from '@/lib/catalog/types';
import { colourState, defaultVariant, findVariant, sizeState, uniqueInOrder, type OptionState } from '@/lib/catalog/variant-options';
import { Price } from '@/components/ui/Price';
import { AddToCart, type AddToCartProduct } from './AddToCart';

function optionLabel(value: string, state: OptionState): string {
  if (state === 'sold-out') return `${value} (sold out)`;
  if (state === 'unavailable') return `${value} (not made in this combination)`;
  return value;
}

/**
 * Size and colour choice. Combinations that are not made, and sold-out ones, are disabled;
 * the chosen variant's price and stock are announced politely to screen readers.
 */
export function VariantPicker({
  variants,
  lowStockThreshold,
  product,
  maxPerLine,
}: {
  variants: VariantView[];
  lowStockThreshold: number;
  product: AddToCartProduct;
  maxPerLine: number;
}) {
  const initial = defaultVariant(variants);
  const [size, setSize] = useState<string | null>(initial?.size ?? null);
  const [colour, setColour] = useState<string | null>(initial?.colour ?? null);
  const sizes = useMemo(() => uniqueInOrder(variants.map((v) => v.size)), [variants]);
  const colours = useMemo(() => uniqueInOrder(variants.map((v) => v.colour)), [variants]);
  const selected = findVariant(variants, size, colour);
  const allSoldOut = variants.every((v) => v.stock <= 0);

  function chooseColour(next: string) {
    setColour(next);
    // Keep the size if that combination exists and can be had; otherwise move to one that can.
    if (sizeState(variants, size ?? '', next) !== 'available') {
      const fallback = variants.find((v) => v.colour === next && v.stock > 0) ?? variants.find((v) => v.colour === next);
      setSize(fallback?.size ?? null);
    }
  }

  const hint = selected ? stockHint(selected.stock, lowStockThreshold) : null;
  return (
    <div className="variant-picker">
      {colours.length > 0 ? (
        <fieldset className="option-group">
          <legend>
            Colour{colour ? <span className="option-group__value">: {colour}</span> : null}
          </legend>
          <div className="option-group__options">
            {colours.map((c) => {
              const state = colourState(variants, c, null);
              return (
                <label key={c} className={`option option--${state}`}>
                  <input
                    type="radio"
                    name="colour"
                    value={c}
                    checked={colour === c}
                    disabled={state !== 'available'}
                    onChange={() => chooseColour(c)}
                    aria-label={optionLabel(c, state)}
                  />
                  <span aria-hidden="true">{c}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ) : null}
      <fieldset className="option-group">
        <legend>
          Size{size ? <span className="option-group__value">: {size}</span> : null}
        </legend>
        <div className="option-group__options">
          {sizes.map((s) => {
            const state = sizeState(variants, s, colour);
            return (
              <label key={s} className={`option option--${state}`}>
                <input
                  type="radio"
                  name="size"
                  value={s}
                  checked={size === s}
                  disabled={state !== 'available'}
                  onChange={() => setSize(s)}
                  aria-label={optionLabel(s, state)}
                />
                <span aria-hidden="true">{s}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="variant-summary" aria-live="polite" aria-atomic="true">
        {selected ? (
          <>
            <p className="variant-summary__price">
              <Price price={selected.price} compareAt={selected.compareAt} />
            </p>
            <p className={`stock-hint stock-hint--${hint?.kind}`}>{allSoldOut ? 'Sold out in every size and colour.' : hint ? stockHintText(hint) : null}</p>
            <p className="muted small">SKU {selected.sku}</p>
          </>
        ) : (
          <p>{allSoldOut ? 'Sold out in every size and colour.' : 'Choose a size and colour.'}</p>
        )}
      </div>
      <AddToCart product={product} variant={selected} maxPerLine={maxPerLine} />
    </div>
  );
}
