'use client';

import { useId, useMemo, useState } from 'react';
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

/** One option (colour or size) as a group of radio buttons; unavailable choices are disabled. */
function OptionGroup(props: {
  form: string;
  legend: string;
  name: string;
  values: string[];
  chosen: string | null;
  stateOf: (value: string) => OptionState;
  onChoose: (value: string) => void;
}) {
  return (
    <fieldset className="option-group">
      <legend>
        {props.legend}
        {props.chosen ? <span className="option-group__value">: {props.chosen}</span> : null}
      </legend>
      <div className="option-group__options">
        {props.values.map((value) => {
          const state = props.stateOf(value);
          return (
            <label key={value} className={`option option--${state}`}>
              <input
                type="radio"
                form={props.form}
                name={props.name}
                value={value}
                checked={props.chosen === value}
                disabled={state !== 'available'}
                onChange={() => props.onChoose(value)}
                aria-label={optionLabel(value, state)}
              />
              <span aria-hidden="true">{value}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
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
  const formId = useId();
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
        <OptionGroup
          form={formId}
          legend="Colour"
          name="colour"
          values={colours}
          chosen={colour}
          stateOf={(c) => colourState(variants, c, null)}
          onChoose={chooseColour}
        />
      ) : null}
      <OptionGroup form={formId} legend="Size" name="size" values={sizes} chosen={size} stateOf={(s) => sizeState(variants, s, colour)} onChoose={setSize} />
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
      <AddToCart formId={formId} product={product} variant={selected} maxPerLine={maxPerLine} />
    </div>
  );
}
