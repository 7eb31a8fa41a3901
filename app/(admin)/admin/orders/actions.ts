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
import { refundClients } from '@/lib/payments/refund-clients';
import { goodwillRefundSchema } from '@/lib/returns/input';
import { refundGoodwill } from '@/lib/returns/refund';
import { readTextForm } from '@/lib/returns/staff-form';
import { ReturnError } from '@/lib/returns/states';

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

/** A goodwill refund on a paid order: an amount (at most what can still be refunded) and a note saying why; sent to the provider at once. */
export async function goodwillRefundAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageOrders', '/admin/orders');
  const { raw, values } = readTextForm(form, ['orderId', 'amount', 'note', 'requestKey'], []);
  const parsed = goodwillRefundSchema.safeParse(raw);
  if (!parsed.success) {
    const hidden = parsed.error.issues.find((i) => i.path[0] === 'orderId');
    return answer(prev, { errors: fieldErrors(parsed.error), message: hidden ? hidden.message : 'Please correct the fields marked below.' }, values);
  }
  let outcome;
  try {
    outcome = await refundGoodwill(db(), actor, parsed.data, refundClients());
  } catch (e) {
    if (e instanceof ReturnError) return answer(prev, { message: e.message }, values);
    throw e;
  }
  revalidatePath('/admin/orders');
  revalidatePath(`/admin/orders/${parsed.data.orderId}`);
  if (outcome.kind === 'failed') return answer(prev, { message: `The refund was not made. ${outcome.message}` }, values);
  redirect(`/admin/orders/${parsed.data.orderId}?done=${outcome.kind === 'succeeded' ? 'refunded' : 'refund-pending'}`);
}
