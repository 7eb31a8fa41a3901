/** A refusal from the cart, read out at once (role="alert"). Renders nothing without a message. */
export function CartAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="cart-line__error" role="alert">
      {message}
    </p>
  );
}
