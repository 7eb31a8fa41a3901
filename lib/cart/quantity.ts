/**
 * How many of one variant a cart line may hold: whole numbers from 1 up to the stock there is,
 * and never more than the per-line maximum. Asking for more keeps the most that can be had.
 */
export interface QuantityDecision {
  quantity: number;
  /** Set when the shopper got less than they asked for, in words they understand. */
  notice: string | null;
}

export function decideQuantity(requested: number, stock: number, maxPerLine: number): QuantityDecision {
  const cap = Math.min(Math.max(stock, 0), maxPerLine);
  if (requested <= cap) return { quantity: requested, notice: null };
  if (stock <= maxPerLine) {
    return { quantity: cap, notice: stock <= 0 ? 'Sold out' : `Only ${stock} left in stock` };
  }
  return { quantity: cap, notice: `You can have at most ${maxPerLine} of one item` };
}
