/**
 * The size and colour picker's rules: which combinations exist, which are sold out, and
 * which variant a choice lands on. Pure, so the client picker and the tests share it.
 */
export interface PickableVariant {
  id: string;
  size: string;
  colour: string;
  stock: number;
}

export type OptionState = 'available' | 'sold-out' | 'unavailable';

export function uniqueInOrder(values: string[]): string[] {
  return [...new Set(values)];
}

export function findVariant<V extends PickableVariant>(variants: V[], size: string | null, colour: string | null): V | undefined {
  return variants.find((v) => v.size === size && v.colour === colour);
}

/** A size's state given the chosen colour: no such combination, sold out, or available. */
export function sizeState(variants: PickableVariant[], size: string, colour: string | null): OptionState {
  const matches = variants.filter((v) => v.size === size && (colour === null || v.colour === colour));
  if (matches.length === 0) return 'unavailable';
  return matches.some((v) => v.stock > 0) ? 'available' : 'sold-out';
}

export function colourState(variants: PickableVariant[], colour: string, size: string | null): OptionState {
  const matches = variants.filter((v) => v.colour === colour && (size === null || v.size === size));
  if (matches.length === 0) return 'unavailable';
  return matches.some((v) => v.stock > 0) ? 'available' : 'sold-out';
}

/** The variant shown first: the first one in stock, or the first at all when everything is sold out. */
export function defaultVariant<V extends PickableVariant>(variants: V[]): V | undefined {
  return variants.find((v) => v.stock > 0) ?? variants[0];
}
