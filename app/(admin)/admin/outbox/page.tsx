import Link from 'next/link';
import { requireStaff } from '@/lib/auth/server';
import { db } from '@/lib/db';
import { TableScroll } from '@/components/admin/TableScroll';
import { AdminPager } from '@/components/admin/AdminPager';
import { pageParam } from '@/lib/admin/form';
import { staffWhen } from '@/components/admin/staff-time';

export const metadata = { title: 'E-mail outbox' };

const PAGE_SIZE = 50;

/** Every e-mail the shop stored: sent over SMTP (when configured), failed with the reason, or kept here. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff('manageOrders', '/admin/outbox');
  const raw = (await searchParams).page;
  const page = pageParam(raw);
  const [total, mails] = await Promise.all([
    db().outboxMessage.count(),
    db().outboxMessage.findMany({
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, to: true, subject: true, createdAt: true, sentAt: true, error: true },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <section>
      <h1>E-mail outbox</h1>
      <p className="muted" role="status">
        {total === 0 ? 'No e-mails yet.' : `${total} e-mails, newest first. Page ${page} of ${pages}.`} Without SMTP_URL set, e-mails stay here instead of being
        sent.
      </p>
      {mails.length ? (
        <div className="admin-scroll">
          <TableScroll label="E-mails">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">To</th>
                  <th scope="col">Stored (UTC)</th>
                  <th scope="col">Delivery</th>
                </tr>
              </thead>
              <tbody>
                {mails.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link href={`/admin/outbox/${m.id}`}>{m.subject}</Link>
                    </th>
                    <td>{m.to}</td>
                    <td>{staffWhen.format(m.createdAt)}</td>
                    <td>{m.error ? `Failed: ${m.error}` : m.sentAt ? `Sent ${staffWhen.format(m.sentAt)}` : 'Kept in the outbox'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ) : null}
      <AdminPager label="E-mail pages" page={page} pages={pages} href={(n) => `/admin/outbox?page=${n}`} />
    </section>
  );
}
