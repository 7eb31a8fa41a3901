import type { Metadata } from 'next';
import { LookupForm } from '@/components/orders/LookupForm';
import { LOOKUP_LIMITS } from '@/lib/orders/lookup';
import { lookupOrderAction } from './actions';

export const metadata: Metadata = { title: 'Find your order', robots: { index: false, follow: false } };
// Per shopper (the form's answers), never prerendered or stored.
export const dynamic = 'force-dynamic';

const minutes = LOOKUP_LIMITS.order.windowSeconds / 60;

export default function OrderLookupPage() {
  return (
    <div className="page narrow">
      <header className="page-header">
        <p className="eyebrow">Orders, returns and refunds</p>
        <h1>Find your order</h1>
        <p className="lede">
          Enter the order number from your confirmation e-mail and the e-mail address you ordered with to see its status, what you bought, and your payments,
          refunds and returns.
        </p>
      </header>
      <LookupForm action={lookupOrderAction} />
      <p className="muted small lookup__note">
        The confirmation e-mail’s “View your order” link opens your order without typing. To keep orders private, we allow {LOOKUP_LIMITS.order.max} tries per
        order in {minutes} minutes.
      </p>
    </div>
  );
}
