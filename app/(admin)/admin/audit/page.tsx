import { listAudit } from '@/lib/audit/list';
import { requireStaff } from '@/lib/auth/server';
import { db } from '@/lib/db';
import { TableScroll } from '@/components/admin/TableScroll';
import { AdminPager } from '@/components/admin/AdminPager';
import { pageParam } from '@/lib/admin/form';

export const metadata = { title: 'Audit log' };

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

function Summary({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  return <code className="admin-json">{JSON.stringify(value)}</code>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff('readAuditLog', '/admin/audit');
  const raw = (await searchParams).page;
  const log = await listAudit(db(), actor, pageParam(raw));
  return (
    <section>
      <h1>Audit log</h1>
      <p className="muted">
        {log.total} {log.total === 1 ? 'change' : 'changes'}, newest first. Times are UTC.
      </p>
      <TableScroll label="Audit log">
        <table className="admin-table admin-table--audit">
          <caption className="visually-hidden">Staff changes</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <time dateTime={r.at.toISOString()}>{when.format(r.at)}</time>
                </td>
                <td>{r.actorEmail}</td>
                <td>
                  {r.action}
                  {r.entityId ? <span className="muted small"> · {r.entityId}</span> : null}
                </td>
                <td>
                  <Summary value={r.before} />
                </td>
                <td>
                  <Summary value={r.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <AdminPager label="Audit log pages" page={log.page} pages={log.pages} href={(n) => `/admin/audit?page=${n}`} previous="Newer" next="Older" />
    </section>
  );
}
