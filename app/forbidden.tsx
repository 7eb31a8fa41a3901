import Link from 'next/link';

export const metadata = { title: 'Not allowed', robots: { index: false } };

/** 403: a signed-in staff member whose role does not include this page or action (requireStaff → forbidden()). */
export default function Forbidden() {
  return (
    <main id="main" className="page forbidden-page">
      <h1>Your role cannot open this page</h1>
      <p>You are signed in, but this part of the staff area belongs to another role. Ask an owner if you need it.</p>
      <p>
        <Link href="/admin" className="button">
          Back to the staff area
        </Link>
      </p>
    </main>
  );
}
