import type { Material } from './materials';
import type { CatalogContent, ProductContent } from './content';

/**
 * A grown shop's catalog, made from the demo one: each demo product is copied until there are
 * `products` of them (the originals first and unchanged, so every demo slug still resolves), each copy
 * with its own slug and SKUs and its own colours, prices, age, stock and status. The same input gives
 * the same catalog (no randomness), so two benchmark runs measure the same rows. Built in memory and
 * fed to the same loader as the files (content.ts): nothing is written under content/.
 *
 * About 3 % of the copies are archived and 1 % drafts; about 8 % are sold out in every variant and
 * 15 % have one variant sold out; about 1 in 6 is on sale (a compare-at price). Only the originals
 * keep a featured rank, as a shop features a handful of products whatever its size.
 */
export interface LargeCatalogOptions {
  /** How many products in all (originals included). */
  products: number;
}

const PLACES = [
  'Khovsgol',
  'Terelj',
  'Altai',
  'Dornod',
  'Bayan',
  'Uvs',
  'Khentii',
  'Zavkhan',
  'Orkhon',
  'Selenge',
  'Darkhan',
  'Erdene',
  'Tsetserleg',
  'Murun',
  'Olgii',
  'Sukhbaatar',
];
const EDITIONS = ['', 'Classic', 'Heritage', 'Nomad', 'Winter', 'Light', 'Field', 'Herder', 'Steppe', 'Evening', 'Travel'];
const COLOURS = [
  'Oat',
  'Charcoal',
  'Camel',
  'Navy',
  'Rust',
  'Ivory',
  'Moss',
  'Slate',
  'Burgundy',
  'Sand',
  'Forest',
  'Plum',
  'Ochre',
  'Stone',
  'Sky',
  'Chestnut',
  'Heather',
  'Ink',
  'Saffron',
  'Clay',
];
// Knitwear may come in any of the fine fibres; felt, leather, ceramics, books and tea stay what they are.
const FIBRES: readonly Material[] = ['cashmere', 'yak', 'camel', 'sheep-wool'];

/** A small deterministic mixer: the n-th copy's choices, spread evenly, without a random generator. */
function pick(n: number, salt: number, modulo: number): number {
  // MurmurHash3's finaliser over the product's number and what is being chosen.
  let x = (Math.imul(n, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca77)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) % modulo;
}

/** `n`: the product's place in the large catalog (what its choices are drawn from); `copy`: which copy of `p` it is. */
function copyOf(p: ProductContent, n: number, copy: number): ProductContent {
  const place = PLACES[pick(n, 1, PLACES.length)]!;
  const edition = EDITIONS[pick(n, 2, EDITIONS.length)]!;
  const material = FIBRES.includes(p.material) && pick(n, 3, 4) === 0 ? FIBRES[pick(n, 4, FIBRES.length)]! : p.material;
  // One colour shift for the whole product keeps each size/colour pair unique.
  const ownColours = [...new Set(p.variants.map((v) => v.colour))];
  const shift = pick(n, 5, COLOURS.length);
  const colourOf = (c: string) => COLOURS[(COLOURS.indexOf(c) + 1 + ownColours.indexOf(c) + shift) % COLOURS.length]!;
  const remap = new Map(ownColours.map((c) => [c, colourOf(c)]));
  // Colours the shift would merge are kept apart by taking the next free one.
  const used = new Set<string>();
  for (const c of ownColours) {
    let colour = remap.get(c)!;
    for (let k = 1; used.has(colour); k++) colour = COLOURS[(COLOURS.indexOf(remap.get(c)!) + k) % COLOURS.length]!;
    used.add(colour);
    remap.set(c, colour);
  }
  const factor = 0.7 + pick(n, 6, 61) / 100; // 0.70 … 1.30
  const onSale = pick(n, 7, 6) === 0;
  const soldOut = pick(n, 8, 100) < 8;
  const oneSoldOut = !soldOut && pick(n, 9, 100) < 15;
  const statusRoll = pick(n, 10, 100);
  const status: ProductContent['status'] = p.status !== 'active' ? p.status : statusRoll < 3 ? 'archived' : statusRoll < 4 ? 'draft' : 'active';
  const suffix = copy.toString(36).toUpperCase();
  const title = [place, edition, p.title].filter(Boolean).join(' ');
  return {
    ...p,
    slug: `${p.slug}-${copy}`,
    title: title.length > 120 ? title.slice(0, 120) : title,
    status,
    material,
    featuredRank: undefined,
    addedDaysAgo: pick(n, 11, 1500),
    images: p.images.map((img) => ({ alt: img.alt.replace(p.title, title).slice(0, 200) })),
    variants: p.variants.map((v, i) => {
      // Whole dollars less a cent, as shops price: $189.00 × 1.1 → $207.99.
      const priceCents = Math.max(99, Math.round((v.priceCents * factor) / 100) * 100 - 1);
      const compareAtCents = v.compareAtCents !== undefined || onSale ? Math.round(priceCents * 1.25) : undefined;
      return {
        sku: `${v.sku}-${suffix}`.slice(0, 40),
        size: v.size,
        colour: remap.get(v.colour)!,
        priceCents,
        ...(compareAtCents !== undefined ? { compareAtCents } : {}),
        stock: soldOut || (oneSoldOut && i === 0) ? 0 : pick(n * 31 + i, 12, 40),
      };
    }),
  };
}

export function largeCatalog(base: CatalogContent, opts: LargeCatalogOptions): CatalogContent {
  const products: ProductContent[] = [];
  for (let n = 0; products.length < opts.products; n++) {
    const original = base.products[n % base.products.length]!;
    const copy = Math.floor(n / base.products.length);
    products.push(copy === 0 ? original : copyOf(original, n, copy));
  }
  return { collections: base.collections, products };
}
