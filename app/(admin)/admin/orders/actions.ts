'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { AdminFormState } from '@/components/admin/form-state';
import { fieldErrors, formStrings } from '@/lib/admin/form';
import { requireStaff } from '@/lib/auth/server';
import { db } from '@/lib/db';
import { shipmentSchema } from '@/lib/orders/ship';
import { cancelOrderAsStaff, shipOrderAsStaff } from '@/lib/orders/staff';

function answer(prev: AdminFormState, rest: Partial<AdminFormState>, values: Record<string, string> = {}): AdminFormState {
  return { errors: {}, message: null, done: null, ...rest, values, attempt: prev.attempt + 1 };
}

export async function shipOrderAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageOrders', '/admin/orders');
  const values = formStrings(form, ['orderId', 'carrier', 'trackingNumber'], 200);
  const parsed = shipmentSchema.safeParse(values);
  if (!parsed.success) return answer(prev, { errors: fieldErrors(parsed.error), message: 'Please correct the fields marked below.' }, values);
  const r = await shipOrderAsStaff(db(), actor, parsed.data);
  if (r.kind === 'refused') return answer(prev, { message: r.message }, values);
  revalidatePath('/admin/orders');
  // The form is gone once the order has shipped: the page says what happened (and a screen reader hears it).
  redirect(`/admin/orders/${parsed.data.orderId}?done=shipped`);
}

const orderIdSchema = z.strictObject({ orderId: shipmentSchema.shape.orderId });

export async function cancelOrderAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageOrders', '/admin/orders');
  const values = formStrings(form, ['orderId'], 200);
  const parsed = orderIdSchema.safeParse(values);
  if (!parsed.success) return answer(prev, { message: parsed.error.issues[0]!.message });
  const r = await cancelOrderAsStaff(db(), actor, parsed.data.orderId);
  if (r.kind === 'refused') return answer(prev, { message: r.message });
  revalidatePath('/admin/orders');
  redirect(`/admin/orders/${parsed.data.orderId}?done=cancelled`);
}
