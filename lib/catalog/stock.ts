/** What a shopper is told about a variant's stock. */
export type StockHint = { kind: 'sold-out' } | { kind: 'low'; left: number } | { kind: 'in-stock' };

export function stockHint(stock: number, lowThreshold: number): StockHint {
  if (stock <= 0) return { kind: 'sold-out' };
  if (stock <= lowThreshold) return { kind: 'low', left: stock };
  return { kind: 'in-stock' };
}

export function stockHintText(hint: StockHint): string {
  switch (hint.kind) {
    case 'sold-out':
      return 'Sold out';
    case 'low':
      return `Only ${hint.left} left`;
    case 'in-stock':
      return 'In stock';
  }
}
