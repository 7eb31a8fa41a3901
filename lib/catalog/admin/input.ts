import { z } from 'zod';
import { parseMajorUnits } from '../../money';
import { isSlug, MAX_SLUG_LENGTH } from '../../slug';
import { MATERIAL_KEYS } from '../materials';
import { slugify } from './slugify';
import { requiredText as text } from '../../admin/form';

/**
 * The product form as the browser posts it (all strings; variants as rows `variants.<n>.<field>`),
 * parsed into what lib/catalog/admin/save-product.ts writes. Every message is for the person typing
 * and is shown beside its field. Money is typed in major units ("49.00") and kept in cents.
 */
export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;
export const MAX_VARIANT_ROWS = 40;
const PRODUCT_FIELDS = ['title', 'slug', 'description', 'material', 'isWool', 'origin', 'care', 'status', 'updatedAt'] as const;
const VARIANT_FIELDS = ['id', 'sku', 'size', 'colour', 'price', 'compareAt', 'stock', 'remove'] as const;
const MAX_FIELD = 20_000;

const money = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .transform((v, ctx) => {
      const cents = parseMajorUnits(v);
      if (cents === null) {
        ctx.addIssue({
          code: 'custom',
          message: v.startsWith('-') ? `${label[0]!.toUpperCase()}${label.slice(1)} cannot be negative` : `Enter ${label} like 49.00`,
        });
        return z.NEVER;
      }
      return cents;
    });

const wholeNumber = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 0;
      if (!/^-?\d{1,7}$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: `Enter ${label} as a whole number` });
        return z.NEVER;
      }
      const n = Number(v);
      if (n < 0) {
        ctx.addIssue({ code: 'custom', message: `${label[0]!.toUpperCase()}${label.slice(1)} cannot be negative` });
        return z.NEVER;
      }
      return n;
    });

const variantSchema = z
  .object({
    id: z
      .string()
      .regex(/^c[a-z0-9]{20,32}$/, 'That variant no longer exists: reload the page')
      .optional(),
    sku: z
      .string({ error: 'Enter a SKU' })
      .trim()
      .toUpperCase()
      .min(1, 'Enter a SKU')
      .max(40, 'Keep the SKU under 40 characters')
      .regex(/^[A-Z0-9][A-Z0-9._-]*$/, 'A SKU uses letters, digits, dots, hyphens and underscores'),
    size: text('a size (e.g. M, One size)', 40),
    colour: text('a colour', 40),
    price: money('the price')
      .refine((c) => c > 0, 'The price must be more than 0.00')
      .refine((c) => c <= 100_000_000, 'That price is too high'),
    compareAt: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(money('the compare-at price').optional()),
    /** Only for a new row: the stock it starts with. Existing variants change stock by adjustments (with a reason). */
    stock: wholeNumber('the stock').refine((n) => n <= 1_000_000, 'That stock is too high'),
    remove: z.literal('on').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.compareAt !== undefined && v.compareAt <= v.price)
      ctx.addIssue({ code: 'custom', path: ['compareAt'], message: 'The compare-at price must be more than the price' });
  })
  .transform((v) => ({
    id: v.id ?? null,
    sku: v.sku,
    size: v.size,
    colour: v.colour,
    priceCents: v.price,
    compareAtCents: v.compareAt ?? null,
    initialStock: v.stock,
    remove: v.remove === 'on',
  }));

export type VariantInput = z.output<typeof variantSchema>;

export const SLUG_MESSAGE = 'A slug is lower-case letters and digits joined by hyphens, e.g. gobi-crew-neck';

export const productInputSchema = z
  .object({
    title: text('a title', 200),
    slug: z.string().trim().max(MAX_SLUG_LENGTH, `Keep the slug under ${MAX_SLUG_LENGTH} characters`).optional(),
    description: text('a description', 10_000),
    material: z.enum(MATERIAL_KEYS, { error: 'Choose a material' }),
    isWool: z
      .literal('on')
      .optional()
      .transform((v) => v === 'on'),
    origin: text('where it was made (e.g. Arkhangai aimag)', 80),
    care: text('care instructions', 2000),
    status: z.enum(PRODUCT_STATUSES, { error: 'Choose draft, active or archived' }),
    collections: z.array(z.string().refine(isSlug, 'Choose collections from the list')).max(20, 'Choose at most 20 collections'),
    updatedAt: z.iso.datetime({ error: 'Reload the page and try again' }).optional(),
    variants: z.array(variantSchema).max(MAX_VARIANT_ROWS, `At most ${MAX_VARIANT_ROWS} variants`),
  })
  .transform((p, ctx) => {
    const slug = p.slug ? p.slug : slugify(p.title);
    if (!isSlug(slug)) ctx.addIssue({ code: 'custom', path: ['slug'], message: SLUG_MESSAGE });
    const kept = p.variants.map((v, i) => ({ v, i })).filter(({ v }) => !v.remove);
    if (kept.length === 0) ctx.addIssue({ code: 'custom', path: ['variants'], message: 'Add at least one variant: a size, a colour and a price' });
    const skus = new Map<string, number>();
    const options = new Map<string, number>();
    for (const { v, i } of kept) {
      if (skus.has(v.sku)) ctx.addIssue({ code: 'custom', path: ['variants', i, 'sku'], message: `SKU ${v.sku} is used twice in this form` });
      skus.set(v.sku, i);
      const key = `${v.size.toLowerCase()}|${v.colour.toLowerCase()}`;
      if (options.has(key))
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'colour'], message: `Size ${v.size} in ${v.colour} is already a variant above` });
      options.set(key, i);
    }
    return { ...p, slug, collections: [...new Set(p.collections)] };
  });

export type ProductInput = z.output<typeof productInputSchema>;

/** True when a variant row was left blank (the spare rows at the end of the form). */
function blankRow(row: Record<string, string>): boolean {
  return !row.id && ['sku', 'size', 'colour', 'price', 'compareAt', 'stock'].every((f) => !row[f]?.trim());
}

/** The posted form as the schema's input, and as flat strings to give back to the form when it is refused. */
export function readProductForm(form: FormData): { raw: Record<string, unknown>; values: Record<string, string>; rows: number[] } {
  const cut = (v: FormDataEntryValue | null) => (typeof v === 'string' ? (v.length > MAX_FIELD ? v.slice(0, MAX_FIELD + 1) : v) : undefined);
  const values: Record<string, string> = {};
  const raw: Record<string, unknown> = {};
  for (const f of PRODUCT_FIELDS) {
    const v = cut(form.get(f));
    if (v !== undefined) values[f] = raw[f] = v;
  }
  const collections = form
    .getAll('collections')
    .map(cut)
    .filter((v): v is string => v !== undefined)
    .slice(0, 50);
  raw.collections = collections;
  values.collections = collections.join(',');
  const variants: Record<string, string>[] = [];
  const rows: number[] = [];
  for (let i = 0; i < MAX_VARIANT_ROWS + 5; i++) {
    const row: Record<string, string> = {};
    for (const f of VARIANT_FIELDS) {
      const v = cut(form.get(`variants.${i}.${f}`));
      if (v !== undefined) row[f] = v;
    }
    if (!Object.keys(row).length || blankRow(row)) continue;
    rows.push(i);
    for (const [f, v] of Object.entries(row)) values[`variants.${variants.length}.${f}`] = v;
    variants.push(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '' || false)));
  }
  raw.variants = variants.map((r) => ({ ...r, stock: r.stock ?? '' }));
  return { raw, values, rows };
}

/** Staff list filters from the URL; anything unexpected falls back to "all". */
export const adminProductQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(PRODUCT_STATUSES).optional().catch(undefined),
  collection: z.string().refine(isSlug).optional().catch(undefined),
  stock: z.enum(['low', 'out']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AdminProductQuery = z.output<typeof adminProductQuerySchema>;

/** Stock adjustment: a signed whole number and a reason. */
export const stockAdjustmentSchema = z.object({
  variantId: z.string().regex(/^c[a-z0-9]{20,32}$/, 'That variant no longer exists: reload the page'),
  delta: z
    .string({ error: 'Enter how many units to add or take away' })
    .trim()
    .regex(/^[+-]?\d{1,6}$/, 'Enter a whole number, e.g. 5 to add or -2 to take away')
    .transform(Number)
    .refine((n) => n !== 0, 'Enter a number other than 0'),
  reason: text('a reason (e.g. delivery from the workshop, damaged, stock count)', 200),
});
