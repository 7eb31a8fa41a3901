/**
 * What happened to an "Add to cart" posted without JavaScript (lib/cart/http.ts sends the shopper
 * to /cart?added=1 or /cart?problem=<kind>). Only known codes are shown: the address cannot be
 * used to put words of a stranger's choosing on the shop's page.
 */
const PROBLEMS: Record<string, string> = {
  invalid: 'Choose a colour, a size and a quantity, then add to cart again.',
  empty: 'Your cart is empty, so there is nothing to check out yet.',
  'sold-out': 'Sorry, that one is sold out.',
  unavailable: 'That product is no longer available.',
  'no-such-option': 'That size and colour are not made together; choose another combination.',
};

export function FormOutcome({ added, problem }: { added: boolean; problem: string | null }) {
  const message = problem && Object.hasOwn(PROBLEMS, problem) ? PROBLEMS[problem] : null;
  if (message) {
    return (
      <p className="form-outcome form-outcome--problem" role="alert">
        {message}
      </p>
    );
  }
  if (!added) return null;
  return (
    <p className="form-outcome" role="status">
      Added to your cart.
    </p>
  );
}
