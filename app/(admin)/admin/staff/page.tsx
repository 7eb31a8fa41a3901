import { AdminForm } from '@/components/admin/AdminForm';
import { requireStaff } from '@/lib/auth/server';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, STAFF_ROLES } from '@/lib/auth/roles';
import { listStaff } from '@/lib/auth/staff';
import { PASSWORD_MIN } from '@/lib/auth/auth-limits';
import { db } from '@/lib/db';
import { changeRoleAction, disableStaffAction, enableStaffAction, inviteStaffAction } from './actions';
import { TableScroll } from '@/components/admin/TableScroll';

export const metadata = { title: 'Staff' };

const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]} — ${ROLE_DESCRIPTIONS[r].toLowerCase()}` }));

export default async function StaffPage() {
  const actor = await requireStaff('manageStaff', '/admin/staff');
  const staff = await listStaff(db(), actor);
  return (
    <section>
      <h1>Staff</h1>
      <TableScroll label="Staff accounts">
        <table className="admin-table">
          <caption className="visually-hidden">Staff accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id} className={s.disabled ? 'admin-table__row--off' : undefined}>
                <td>{s.name}</td>
                <td>{s.email}</td>
                <td>
                  {s.disabled ? (
                    ROLE_LABELS[s.role]
                  ) : (
                    <AdminForm
                      inline
                      action={changeRoleAction}
                      hidden={{ userId: s.id }}
                      submitLabel={`Change role`}
                      fields={[
                        {
                          name: 'role',
                          label: `Role for ${s.email}`,
                          labelHidden: true,
                          type: 'select',
                          defaultValue: s.role,
                          options: STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
                        },
                      ]}
                    />
                  )}
                </td>
                <td>
                  {s.disabled ? (
                    <AdminForm inline action={enableStaffAction} hidden={{ userId: s.id }} submitLabel={`Enable ${s.email}`} fields={[]} />
                  ) : s.id === actor.id ? (
                    <span className="muted">You</span>
                  ) : (
                    <AdminForm
                      inline
                      danger
                      action={disableStaffAction}
                      hidden={{ userId: s.id }}
                      submitLabel={`Disable ${s.email}`}
                      confirm={`Disable ${s.email}? They are signed out at once and can no longer sign in.`}
                      fields={[]}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <section className="admin-card">
        <h2>Add a staff member</h2>
        <p className="muted">Choose a first password and give it to them in person or by a channel you trust.</p>
        <AdminForm
          action={inviteStaffAction}
          submitLabel="Add staff member"
          fields={[
            { name: 'name', label: 'Name', required: true },
            { name: 'email', label: 'E-mail', type: 'email', inputMode: 'email', autoComplete: 'off', required: true },
            { name: 'role', label: 'Role', type: 'select', options: roleOptions, defaultValue: 'editor' },
            {
              name: 'password',
              label: 'First password',
              type: 'password',
              autoComplete: 'new-password',
              required: true,
              hint: `At least ${PASSWORD_MIN} characters.`,
            },
          ]}
        />
      </section>
    </section>
  );
}
