import Link from 'next/link';
import { listAudit } from '@/lib/audit/list';
import { requireStaff } from '@/lib/auth/server';
import { db } from '@/lib/db';
import { TableScroll } from '@/components/admin/TableScroll';

export const metadata = { title: 'Audit log' };

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

function Summary({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  return <code className="admin-json">{JSON.stringify(value)}</code>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff('readAuditLog', '/admin/audit');
  const raw = (await searchParams).page;
  const requested = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const log = await listAudit(db(), actor, requested);
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
      {log.pages > 1 ? (
        <nav aria-label="Audit log pages" className="admin-pager">
          {log.page > 1 ? <Link href={`/admin/audit?page=${log.page - 1}`}>Newer</Link> : null}
          <span>
            Page {log.page} of {log.pages}
          </span>
          {log.page < log.pages ? <Link href={`/admin/audit?page=${log.page + 1}`}>Older</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
