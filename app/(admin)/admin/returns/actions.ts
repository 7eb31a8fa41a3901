'use server';

import { revalidatePath, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { AdminFormState } from '@/components/admin/form-state';
import { fieldErrors } from '@/lib/admin/form';
import { requireStaff } from '@/lib/auth/server';
import { db } from '@/lib/db';
import { refundClients } from '@/lib/payments/refund-clients';
import { approveReturn } from '@/lib/returns/approve';
import { closeReturn } from '@/lib/returns/close';
import { approveSchema, closeSchema, receiveSchema, rejectSchema, retryRefundSchema, returnRefundSchema } from '@/lib/returns/input';
import { receiveReturn } from '@/lib/returns/receive';
import { refundReturn, retryRefund, type RefundOutcome } from '@/lib/returns/refund';
import { rejectReturn } from '@/lib/returns/reject';
import { readReceiveForm, readTextForm, type ReadForm } from '@/lib/returns/staff-form';
import { ReturnError } from '@/lib/returns/states';

/**
 * The staff return page's forms (app/(admin)/admin/returns/[id]/page.tsx). Each checks the caller
 * itself, parses the form with the schema in lib/returns/input.ts and calls one lib function, which
 * checks the role again, moves the return conditionally and audits it. A refusal (ReturnError) is
 * the form's message; a move done goes back to the page, which says what happened.
 */

function answer(prev: AdminFormState, rest: Partial<AdminFormState>, values: Record<string, string> = {}): AdminFormState {
  return { errors: {}, message: null, done: null, ...rest, values, attempt: prev.attempt + 1 };
}

/** Fields the staff member cannot see (ids): their problem is the form's message, not a field's. */
const HIDDEN = new Set(['returnId', 'refundId', 'orderId', 'lines']);

function refused(prev: AdminFormState, error: z.ZodError, values: Record<string, string>): AdminFormState {
  const hidden = error.issues.find((i) => HIDDEN.has(String(i.path[0])) && i.path.length <= 1);
  return answer(prev, { errors: fieldErrors(error), message: hidden ? hidden.message : 'Please correct the fields marked below.' }, values);
}

const pagePath = (returnId: string) => `/admin/returns/${returnId}`;

function moved(returnId: string, done: string): never {
  revalidatePath('/admin/returns');
  redirect(`${pagePath(returnId)}?done=${done}`);
}

/** A lib refusal as the form's message; anything else is a bug and propagates. */
async function attempt<T>(prev: AdminFormState, form: ReadForm, run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; state: AdminFormState }> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    if (e instanceof ReturnError) return { ok: false, state: answer(prev, { message: e.message }, form.values) };
    throw e;
  }
}

export async function approveReturnAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageOrders', '/admin/returns');
  const read = readTextForm(form, ['returnId'], ['message']);
  const parsed = approveSchema.safeParse(read.raw);
  if (!parsed.success) return refused(prev, parsed.error, read.values);
  const r = await attempt(prev, read, () => approveReturn(db(), actor, parsed.data));
  if (!r.ok) return r.state;
  moved(parsed.data.returnId, 'approved');
}

export async function rejectReturnAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageOrders', '/admin/returns');
  const read = readTextForm(form, ['returnId', 'message'], []);
  const parsed = rejectSchema.safeParse(read.raw);
  if (!parsed.success) return refused(prev, parsed.error, read.values);
  const r = await attempt(prev, read, () => rejectReturn(db(), actor, parsed.data));
  if (!r.ok) return r.state;
  moved(parsed.data.returnId, 'rejected');
}

export async function receiveReturnAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageOrders', '/admin/returns');
  const read = readReceiveForm(form);
  const parsed = receiveSchema.safeParse(read.raw);
  if (!parsed.success) return refused(prev, parsed.error, read.values);
  const r = await attempt(prev, read, () => receiveReturn(db(), actor, parsed.data));
  if (!r.ok) return r.state;
  // Restocked units are on sale again: the storefront's pages for them expire now.
  for (const t of r.value.tags) updateTag(t);
  moved(parsed.data.returnId, 'received');
}

/** After a refund was sent: gone through or on its way → back to the page; refused by the provider → the provider's sentence, and the page lists the failed refund with Retry. */
function afterRefund(prev: AdminFormState, outcome: RefundOutcome, values: Record<string, string>, back: string): AdminFormState {
  revalidatePath('/admin/returns');
  revalidatePath(back);
  if (outcome.kind === 'failed') return answer(prev, { message: `The refund was not made. ${outcome.message}` }, values);
  redirect(`${back}?done=${outcome.kind === 'succeeded' ? 'refunded' : 'refund-pending'}`);
}

export async function refundReturnAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageOrders', '/admin/returns');
  const read = readTextForm(form, ['returnId'], ['amount', 'note']);
  const parsed = returnRefundSchema.safeParse(read.raw);
  if (!parsed.success) return refused(prev, parsed.error, read.values);
  const r = await attempt(prev, read, () => refundReturn(db(), actor, parsed.data, refundClients()));
  if (!r.ok) return r.state;
  return afterRefund(prev, r.value, read.values, pagePath(parsed.data.returnId));
}

export async function closeReturnAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageOrders', '/admin/returns');
  const read = readTextForm(form, ['returnId'], ['note']);
  const parsed = closeSchema.safeParse(read.raw);
  if (!parsed.success) return refused(prev, parsed.error, read.values);
  const r = await attempt(prev, read, () => closeReturn(db(), actor, parsed.data));
  if (!r.ok) return r.state;
  moved(parsed.data.returnId, 'closed');
}

/** Where a retry goes back to: the return's page or the order's (a goodwill refund); nothing else. */
const BACK = /^\/admin\/(?:returns|orders)\/c[a-z0-9]{20,32}$/;

export async function retryRefundAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageOrders', '/admin/returns');
  const read = readTextForm(form, ['refundId'], ['back'], 200);
  const { back: rawBack, ...rest } = read.raw;
  const parsed = retryRefundSchema.safeParse(rest);
  if (!parsed.success) return refused(prev, parsed.error, read.values);
  const back = typeof rawBack === 'string' && BACK.test(rawBack) ? rawBack : '/admin/returns';
  const r = await attempt(prev, read, () => retryRefund(db(), actor, parsed.data, refundClients()));
  if (!r.ok) return r.state;
  return afterRefund(prev, r.value, read.values, back);
}
