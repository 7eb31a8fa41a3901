'use server';

import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { AdminFormState } from '@/components/admin/form-state';
import type { ProductFormState } from '@/components/admin/ProductForm';
import { fieldErrors, formStrings } from '@/lib/admin/form';
import { requireStaff } from '@/lib/auth/server';
import { renderMarkdown } from '@/lib/blog/markdown';
import { ProductError } from '@/lib/catalog/admin/errors';
import { productInputSchema, readProductForm, stockAdjustmentSchema } from '@/lib/catalog/admin/input';
import { createProduct, updateProduct } from '@/lib/catalog/admin/save-product';
import { adjustStock } from '@/lib/catalog/admin/stock';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';

const productIdSchema = z.string().regex(/^c[a-z0-9]{20,32}$/);

/** Expires the storefront's cached pages for a change at once (Next 16: read-your-own-writes from a server action). */
function expire(tags: string[]): void {
  for (const t of tags) updateTag(t);
}

async function saveProduct(prev: ProductFormState, form: FormData, productId: string | null): Promise<ProductFormState> {
  const { raw, values } = readProductForm(form);
  const attempt = prev.attempt + 1;
  const base = { errors: {}, values, message: null, done: null, preview: null, attempt };
  if (form.get('intent') === 'preview') {
    const text = typeof raw.description === 'string' ? raw.description.slice(0, 10_000) : '';
    return { ...base, preview: (await renderMarkdown(text)).html };
  }
  const parsed = productInputSchema.safeParse(raw);
  if (!parsed.success) return { ...base, errors: fieldErrors(parsed.error), message: 'Please correct the fields marked below.' };
  if (productId && !parsed.data.updatedAt) return { ...base, message: 'Reload the page and try again.' };
  const actor = await requireStaff('manageCatalog', productId ? `/admin/products/${productId}` : '/admin/products/new');
  let saved;
  try {
    const opts = { currency: shopConfig().SHOP_CURRENCY };
    saved = productId ? await updateProduct(db(), actor, productId, parsed.data, opts) : await createProduct(db(), actor, parsed.data, opts);
  } catch (e) {
    if (e instanceof ProductError) return { ...base, ...(e.field ? { errors: { [e.field]: e.message } } : {}), message: e.message };
    throw e;
  }
  expire(saved.tags);
  redirect(`/admin/products/${saved.id}?saved=1`);
}

export async function createProductAction(prev: ProductFormState, form: FormData): Promise<ProductFormState> {
  await requireStaff('manageCatalog', '/admin/products/new');
  return saveProduct(prev, form, null);
}

export async function updateProductAction(prev: ProductFormState, form: FormData): Promise<ProductFormState> {
  const id = productIdSchema.safeParse(form.get('productId'));
  await requireStaff('manageCatalog', id.success ? `/admin/products/${id.data}` : '/admin/products');
  if (!id.success) return { ...prev, message: 'That product no longer exists.', attempt: prev.attempt + 1 };
  return saveProduct(prev, form, id.data);
}

export async function adjustStockAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageCatalog', '/admin/products');
  const values = formStrings(form, ['variantId', 'delta', 'reason'], 500);
  const attempt = prev.attempt + 1;
  const parsed = stockAdjustmentSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values, message: null, done: null, attempt };
  try {
    const r = await adjustStock(db(), actor, parsed.data);
    expire(r.tags);
    return { errors: {}, values: {}, message: null, done: `Stock is now ${r.stock}.`, attempt };
  } catch (e) {
    if (e instanceof ProductError) return { errors: e.field ? { [e.field]: e.message } : {}, values, message: e.field ? null : e.message, done: null, attempt };
    throw e;
  }
}
