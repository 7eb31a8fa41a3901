/**
 * What the cart says to a screen reader after a change (CartProvider puts it in a live region).
 * Pure and zod-free: it runs in the browser.
 */

export function itemsText(n: number): string {
  return `${n} ${n === 1 ? 'item' : 'items'}`;
}

/** A refusal or cap the server explained ("Only 3 left in stock"), as the end of a sentence. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The outcome of an add, from the line's quantity before and after it as the server tells it: an
 * add the stock (or the per-line maximum) capped says how much went in, and one that added nothing
 * does not say "Added".
 */
export function addMessage(p: { name: string; requested: number; before: number; after: number; itemCount: number; notice: string | null }): string {
  const cart = `Your cart has ${itemsText(p.itemCount)}.`;
  const added = p.after - p.before;
  if (added <= 0) {
    const why = p.notice ?? 'No more can be added';
    return p.before > 0 ? `${why}: your cart already has ${p.before} of ${p.name}, so nothing was added. ${cart}` : `${why}: ${p.name} was not added. ${cart}`;
  }
  const what = added === 1 && p.requested === 1 ? p.name : `${added} × ${p.name}`;
  if (added < p.requested) return `Added ${what} to your cart, not ${p.requested}: ${lowerFirst(p.notice ?? 'that is all there is')}. ${cart}`;
  return p.notice ? `Added ${what} to your cart. ${cart} ${p.notice}.` : `Added ${what} to your cart. ${cart}`;
}
