import Image from 'next/image';
import Link from 'next/link';
import { ProductGrid } from '@/components/catalog/ProductCard';
import { getCollections, getFeaturedProducts } from '@/lib/catalog/cached';
import { getArticleList } from '@/lib/blog/cached';
import { ArticleCard } from '@/components/blog/ArticleCard';
import { shopConfig } from '@/lib/config';
import { formatMoney } from '@/lib/money';
import { telHref } from '@/lib/phone';

// Prerendered; refreshed when catalog tags are revalidated, and at least every five minutes.
export const revalidate = 300;

export default async function HomePage() {
  const [collections, featured, journal] = await Promise.all([getCollections(), getFeaturedProducts(8), getArticleList(null, 1)]);
  const config = shopConfig();
  const threshold = formatMoney({ amount: config.FREE_EXPRESS_THRESHOLD_CENTS, currency: config.SHOP_CURRENCY });
  return (
    <>
      <section className="hero">
        <div className="hero__text">
          <p className="eyebrow">Made in Mongolia · 100% original</p>
          <h1>Warmth from the steppe, made by the people who raise it.</h1>
          <p className="lede">
            Cashmere from Gobi goats, yak down from Arkhangai, camel wool and hand-pressed felt. Every piece is made in Mongolia, and every one is the genuine
            article.
          </p>
          <div className="hero__actions">
            <Link href="/products" className="button button--primary">
              Shop all
            </Link>
            <Link href="/collections/cashmere-knitwear" className="button button--ghost">
              Cashmere knitwear
            </Link>
          </div>
        </div>
        <div className="hero__media">
          <Image
            src="/images/hero.webp"
            alt="A folded camel blanket, an oat cashmere sweater and a scarf"
            width={1600}
            height={900}
            priority
            sizes="(max-width: 900px) 100vw, 55vw"
          />
        </div>
      </section>

      <section className="promise-strip" aria-label="Our promises">
        <div>
          <h2>Free Express shipping</h2>
          <p>On orders with more than {threshold} of wool goods.</p>
        </div>
        <div>
          <h2>Made in Mongolia</h2>
          <p>From herder to knitter, nothing is made anywhere else.</p>
        </div>
        <div>
          <h2>Returns within 30 days</h2>
          <p>Send it back unused and we refund you.</p>
        </div>
        <div>
          <h2>Talk to a person</h2>
          <p>
            <a href={telHref(config.SHOP_PHONE)}>{config.SHOP_PHONE}</a>
          </p>
        </div>
      </section>

      <section className="section" aria-labelledby="collections-heading">
        <div className="section__head">
          <h2 id="collections-heading">Collections</h2>
          <Link href="/products">Browse everything →</Link>
        </div>
        <ul className="collection-grid">
          {collections.map((c) => (
            <li key={c.slug}>
              <Link href={`/collections/${c.slug}`} className="collection-card">
                <Image src={c.image.src} alt={c.image.alt} width={c.image.width} height={c.image.height} sizes="(max-width: 640px) 100vw, 33vw" />
                <span className="collection-card__title">{c.title}</span>
                <span className="collection-card__count">{c.productCount} pieces</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="featured-heading">
        <div className="section__head">
          <h2 id="featured-heading">Featured pieces</h2>
          <Link href="/products?sort=newest">New arrivals →</Link>
        </div>
        <ProductGrid products={featured} label="Featured products" />
      </section>

      <section className="story" aria-labelledby="journal-heading">
        <div className="story__intro">
          <p className="eyebrow">From the journal</p>
          <h2 id="journal-heading">Mongolia in the 1930s</h2>
          <p>Histories of the country our wool comes from, starting with the years of Marshal Choibalsan and the arrival of the Red Army in 1937.</p>
          <Link href="/blog" className="button button--ghost">
            Read the journal
          </Link>
        </div>
        {journal.articles.length ? (
          <ul className="story__articles" aria-label="Newest articles">
            {journal.articles.slice(0, 3).map((a) => (
              <li key={a.slug}>
                <ArticleCard article={a} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
