/**
 * The materials the shop sells. `wool` marks the fibres that count toward the free Express
 * shipping threshold; the product's own isWool flag is set from this when the catalog is loaded.
 */
export const MATERIALS = {
  cashmere: { label: 'Cashmere', wool: true },
  yak: { label: 'Yak wool', wool: true },
  camel: { label: 'Camel wool', wool: true },
  'sheep-wool': { label: 'Sheep wool', wool: true },
  felt: { label: 'Felt', wool: true },
  leather: { label: 'Leather', wool: false },
  ceramics: { label: 'Ceramics', wool: false },
  books: { label: 'Books', wool: false },
  tea: { label: 'Tea', wool: false },
} as const;

export type Material = keyof typeof MATERIALS;
export const MATERIAL_KEYS = Object.keys(MATERIALS) as [Material, ...Material[]];

export function isMaterial(value: string): value is Material {
  return Object.hasOwn(MATERIALS, value);
}

export function materialLabel(value: string): string {
  return isMaterial(value) ? MATERIALS[value].label : value;
}
