'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { AdminFormState } from '@/components/admin/form-state';
import { fieldErrors, formStrings, safeAdminPath } from '@/lib/admin/form';
import { setupSchema, signInSchema } from '@/lib/auth/input';
import { staffAuth, SIGN_IN_PATH } from '@/lib/auth/server';
import { setupOwner, StaffError } from '@/lib/auth/staff';
import { clientAddress, signInAttempt, signInSucceeded } from '@/lib/auth/throttle';
import { db } from '@/lib/db';

const WRONG = 'That e-mail and password do not match an active staff account.';

function refused(prev: AdminFormState, values: Record<string, string>, rest: Partial<AdminFormState>): AdminFormState {
  const { password: _password, ...kept } = values;
  void _password;
  return { errors: {}, message: null, done: null, ...rest, values: kept, attempt: prev.attempt + 1 };
}

/** The one-time setup form: the first owner. Refused once any staff account exists, whoever asks. */
export async function setupAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const values = formStrings(form, ['email', 'name', 'password']);
  const parsed = setupSchema.safeParse(values);
  if (!parsed.success) return refused(prev, values, { errors: fieldErrors(parsed.error), message: 'Please correct the fields marked below.' });
  try {
    await setupOwner(db(), parsed.data);
  } catch (e) {
    if (e instanceof StaffError) return refused(prev, values, e.field ? { errors: { [e.field]: e.message } } : { message: e.message });
    throw e;
  }
  const auth = await staffAuth();
  await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  redirect('/admin');
}

/** Sign in: counted per account and per address in the database before the password is checked. */
export async function signInAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const values = formStrings(form, ['email', 'password', 'next']);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return refused(prev, values, { errors: fieldErrors(parsed.error) });
  const h = await headers();
  const who = { email: parsed.data.email, address: clientAddress(h.get('x-forwarded-for')) };
  const gate = await signInAttempt(db(), who);
  if (!gate.allowed) return refused(prev, values, { message: gate.message });
  const auth = await staffAuth();
  try {
    await auth.api.signInEmail({ body: parsed.data, headers: h });
  } catch {
    return refused(prev, values, { message: WRONG });
  }
  await signInSucceeded(db(), who);
  redirect(safeAdminPath(values.next));
}

export async function signOutAction(): Promise<void> {
  const auth = await staffAuth();
  await auth.api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect(SIGN_IN_PATH);
}
