import Link from 'next/link';
import { telHref } from '@/lib/phone';

interface Props {
  shopName: string;
  phone: string;
  collections: { slug: string; title: string }[];
}

export function SiteFooter({ shopName, phone, collections }: Props) {
  return (
    <footer className="site-footer">
      <div className="site-footer__promises">
        <div>
          <h2>Made in Mongolia</h2>
          <p>Every piece is made in Mongolia, from fibre to finished seam, and every one is the real thing.</p>
        </div>
        <div>
          <h2>Returns &amp; refunds</h2>
          <p>Changed your mind? Send goods back unused within 30 days of payment and we refund what you paid for them.</p>
        </div>
        <div>
          <h2>Secure checkout</h2>
          <p>Pay by card or PayPal over an encrypted connection.</p>
          <ul className="pay-marks" aria-label="Accepted payment methods">
            <li>PayPal</li>
            <li>Mastercard</li>
            <li>Visa</li>
          </ul>
        </div>
      </div>
      <div className="site-footer__links">
        <nav aria-label="Collections">
          <h2>Shop</h2>
          <ul>
            <li>
              <Link href="/products">All products</Link>
            </li>
            {collections.map((c) => (
              <li key={c.slug}>
                <Link href={`/collections/${c.slug}`}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label="Help">
          <h2>Help</h2>
          <ul>
            <li>
              <Link href="/products?inStock=1">In stock now</Link>
            </li>
            <li>
              {/* Per shopper and never stored: not prefetched from every page. */}
              <Link href="/orders/lookup" prefetch={false}>
                Find your order
              </Link>
            </li>
            <li>
              <Link href="/blog">Journal</Link>
            </li>
          </ul>
        </nav>
        <div>
          <h2>Talk to us</h2>
          <p>
            <a href={telHref(phone)} className="footer-phone">
              {phone}
            </a>
          </p>
          <p className="muted">Monday to Friday, 9:00–17:00 Central time.</p>
        </div>
      </div>
      <p className="site-footer__legal">© {shopName}. Wool goods made in Mongolia.</p>
    </footer>
  );
}
