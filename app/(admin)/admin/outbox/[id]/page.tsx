import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaff } from '@/lib/auth/server';
import { db } from '@/lib/db';

export const metadata = { title: 'E-mail' };

/** One stored e-mail, as its plain-text version (the HTML one is never rendered inside the staff area). */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaff('manageOrders', `/admin/outbox/${encodeURIComponent(id)}`);
  if (!/^c[a-z0-9]{20,32}$/.test(id)) notFound();
  const m = await db().outboxMessage.findUnique({ where: { id } });
  if (!m) notFound();
  return (
    <section>
      <p>
        <Link href="/admin/outbox">← Outbox</Link>
      </p>
      <h1>{m.subject}</h1>
      <p className="muted">
        To {m.to}. {m.error ? `Not delivered: ${m.error}` : m.sentAt ? 'Sent.' : 'Kept in the outbox (no SMTP server configured).'}
      </p>
      <pre className="admin-mail">{m.text}</pre>
    </section>
  );
}
