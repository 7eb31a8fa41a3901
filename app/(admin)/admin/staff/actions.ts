'use server';

import type { AdminFormState } from '@/components/admin/form-state';
import { fieldErrors, formStrings } from '@/lib/admin/form';
import { newStaffSchema, roleSchema, staffIdSchema } from '@/lib/auth/input';
import { requireStaff } from '@/lib/auth/server';
import { changeRole, disableStaff, enableStaff, inviteStaff, StaffError } from '@/lib/auth/staff';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';

const PATH = '/admin/staff';

function answer(prev: AdminFormState, rest: Partial<AdminFormState>, values: Record<string, string> = {}): AdminFormState {
  const { password: _password, ...kept } = values;
  void _password;
  return { errors: {}, message: null, done: null, ...rest, values: kept, attempt: prev.attempt + 1 };
}

function fromStaffError(prev: AdminFormState, e: unknown, values: Record<string, string> = {}): AdminFormState {
  if (e instanceof StaffError) return answer(prev, e.field ? { errors: { [e.field]: e.message } } : { message: e.message }, values);
  throw e;
}

export async function inviteStaffAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageStaff', PATH);
  const values = formStrings(form, ['email', 'name', 'role', 'password']);
  const parsed = newStaffSchema.safeParse(values);
  if (!parsed.success) return answer(prev, { errors: fieldErrors(parsed.error), message: 'Please correct the fields marked below.' }, values);
  try {
    const made = await inviteStaff(db(), actor, parsed.data);
    revalidatePath(PATH);
    return answer(prev, { done: `${made.email} can now sign in as ${ROLE_LABELS[made.role].toLowerCase()}. Give them the password you chose.` });
  } catch (e) {
    return fromStaffError(prev, e, values);
  }
}

export async function changeRoleAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageStaff', PATH);
  const parsed = z.object({ userId: staffIdSchema, role: roleSchema }).safeParse(formStrings(form, ['userId', 'role']));
  if (!parsed.success) return answer(prev, { errors: fieldErrors(parsed.error), message: parsed.error.issues[0]!.message });
  try {
    const s = await changeRole(db(), actor, parsed.data.userId, parsed.data.role);
    revalidatePath(PATH);
    return answer(prev, { done: `${s.email} is now ${ROLE_LABELS[s.role].toLowerCase()}.` });
  } catch (e) {
    return fromStaffError(prev, e);
  }
}

export async function disableStaffAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageStaff', PATH);
  const parsed = z.object({ userId: staffIdSchema }).safeParse(formStrings(form, ['userId']));
  if (!parsed.success) return answer(prev, { message: parsed.error.issues[0]!.message });
  try {
    const s = await disableStaff(db(), actor, parsed.data.userId);
    revalidatePath(PATH);
    return answer(prev, { done: `${s.email} is disabled and signed out everywhere.` });
  } catch (e) {
    return fromStaffError(prev, e);
  }
}

export async function enableStaffAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const actor = await requireStaff('manageStaff', PATH);
  const parsed = z.object({ userId: staffIdSchema }).safeParse(formStrings(form, ['userId']));
  if (!parsed.success) return answer(prev, { message: parsed.error.issues[0]!.message });
  try {
    const s = await enableStaff(db(), actor, parsed.data.userId);
    revalidatePath(PATH);
    return answer(prev, { done: `${s.email} can sign in again with their password.` });
  } catch (e) {
    return fromStaffError(prev, e);
  }
}
