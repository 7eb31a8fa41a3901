/**
 * The slot for refunds and returns on the shopper's order page (issue 12). The Return and Refund
 * models arrive with lib/returns; until then this only says there are none. When they land, this
 * component takes the order's refunds and return requests as props and lists them here, and the
 * page passes them from lib/orders/order-page.ts.
 */
export function OrderRefundsAndReturns() {
  return (
    <section className="order-section" aria-labelledby="order-refunds-returns">
      <h2 id="order-refunds-returns">Refunds and returns</h2>
      <p className="muted">There are no refunds or returns on this order.</p>
    </section>
  );
}
