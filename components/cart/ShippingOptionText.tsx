import type { ShippingOption } from '@/lib/cart/shipping';
import { formatMoney } from '@/lib/money-format';

/** A shipping option's name, estimate and price ("Free" with the usual price struck through), inside its radio label. */
export function ShippingOptionText({ option }: { option: ShippingOption }) {
  return (
    <>
      <span className="shipping-choice__label">
        <strong>{option.label}</strong>
        <span className="muted small">{option.estimate}</span>
      </span>
      <span className="shipping-choice__price">
        {option.free ? (
          <>Free{option.regularPrice.amount > 0 ? <s className="muted"> {formatMoney(option.regularPrice)}</s> : null}</>
        ) : (
          formatMoney(option.price)
        )}
      </span>
    </>
  );
}
