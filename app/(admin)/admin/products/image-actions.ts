'use server';

import { updateTag } from 'next/cache';
import { z } from 'zod';
import type { AdminFormState } from '@/components/admin/form-state';
import { formStrings } from '@/lib/admin/form';
import { requireStaff } from '@/lib/auth/server';
import { ProductError } from '@/lib/catalog/admin/errors';
import { moveImage, removeImage, updateImageAlt } from '@/lib/catalog/admin/images';
import { db } from '@/lib/db';
import { mediaStorage } from '@/lib/media/storage';
import { revalidatePath } from 'next/cache';

const imageId = z.string().regex(/^c[a-z0-9]{20,32}$/, 'That image no longer exists: reload the page');

async function run(
  prev: AdminFormState,
  form: FormData,
  work: (id: string, values: Record<string, string>) => Promise<{ tags: string[] }>,
  done: string,
): Promise<AdminFormState> {
  const values = formStrings(form, ['imageId', 'alt', 'direction', 'productId'], 500);
  const attempt = prev.attempt + 1;
  const id = imageId.safeParse(values.imageId);
  if (!id.success) return { errors: {}, values, message: id.error.issues[0]!.message, done: null, attempt };
  try {
    const r = await work(id.data, values);
    for (const t of r.tags) updateTag(t);
    if (values.productId && /^c[a-z0-9]{20,32}$/.test(values.productId)) revalidatePath(`/admin/products/${values.productId}`);
    return { errors: {}, values: {}, message: null, done, attempt };
  } catch (e) {
    if (e instanceof ProductError) return { errors: e.field ? { [e.field]: e.message } : {}, values, message: e.field ? null : e.message, done: null, attempt };
    throw e;
  }
}

export async function imageAltAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageCatalog', '/admin/products');
  return run(prev, form, (id, v) => updateImageAlt(db(), actor, id, v.alt ?? ''), 'Alt text saved.');
}

export async function moveImageAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageCatalog', '/admin/products');
  return run(prev, form, (id, v) => moveImage(db(), actor, id, v.direction === 'up' ? 'up' : 'down'), 'Moved.');
}

export async function removeImageAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageCatalog', '/admin/products');
  return run(prev, form, (id) => removeImage(db(), mediaStorage(), actor, id), 'Image removed.');
}
