import Link from 'next/link';
import { formatMoney } from '@/lib/money';
import { CartLink } from '@/components/cart/CartLink';
import { telHref } from '@/lib/phone';

interface Props {
  shopName: string;
  phone: string;
  freeExpressThresholdCents: number;
  currency: string;
  collections: { slug: string; title: string }[];
}

export function SiteHeader({ shopName, phone, freeExpressThresholdCents, currency, collections }: Props) {
  return (
    <header className="site-header">
      <p className="announcement">
        <span>Free Express shipping on wool orders over {formatMoney({ amount: freeExpressThresholdCents, currency })}</span>
        <span className="announcement__phone">
          Questions? <a href={telHref(phone)}>{phone}</a>
        </span>
      </p>
      <div className="site-header__bar">
        <Link href="/" className="wordmark" aria-label={`${shopName}, home`}>
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32" className="wordmark__mark">
            <circle cx="16" cy="16" r="15" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M5 20 Q11 12 16 18 T27 16" fill="none" stroke="currentColor" strokeWidth="2" />
            <circle cx="22" cy="10" r="2.5" fill="currentColor" />
          </svg>
          <span>{shopName}</span>
        </Link>
        <nav aria-label="Main" className="main-nav">
          <ul>
            <li>
              <Link href="/products">Shop all</Link>
            </li>
            {collections.slice(0, 3).map((c) => (
              <li key={c.slug}>
                <Link href={`/collections/${c.slug}`}>{c.title}</Link>
              </li>
            ))}
            <li>
              <Link href="/blog">Journal</Link>
            </li>
          </ul>
        </nav>
        <div className="site-header__tools">
          {/* A plain GET form: it searches without JavaScript too. On a phone it takes its own row. */}
          <form action="/products" method="get" role="search" className="header-search">
            <label htmlFor="header-q" className="visually-hidden">
              Search the shop
            </label>
            <input id="header-q" name="q" type="search" placeholder="Search the shop" maxLength={80} enterKeyHint="search" />
            <button type="submit" className="header-search__submit" aria-label="Search">
              <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                <circle cx="11" cy="11" r="6.5" />
                <path d="m16 16 4.5 4.5" />
              </svg>
            </button>
          </form>
          <CartLink />
        </div>
      </div>
    </header>
  );
}
