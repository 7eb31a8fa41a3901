import { redirect } from 'next/navigation';
import { AdminForm } from '@/components/admin/AdminForm';
import { safeAdminPath } from '@/lib/admin/form';
import { currentStaff } from '@/lib/auth/server';
import { setupOpen } from '@/lib/auth/staff';
import { db } from '@/lib/db';
import { signInAction } from '../auth-actions';

export const metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeAdminPath(typeof raw === 'string' ? raw : null);
  if (await setupOpen(db())) redirect('/admin');
  if (await currentStaff()) redirect(next);
  return (
    <section className="admin-card admin-card--narrow">
      <h1>Staff sign-in</h1>
      <AdminForm
        action={signInAction}
        submitLabel="Sign in"
        hidden={{ next }}
        fields={[
          { name: 'email', label: 'E-mail', type: 'email', autoComplete: 'username', inputMode: 'email', required: true },
          { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password', required: true },
        ]}
      />
    </section>
  );
}
