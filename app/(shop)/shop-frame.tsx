import { SiteHeader } from '@/components/layout/SiteHeader';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { getCollections } from '@/lib/catalog/cached';
import { shopConfig } from '@/lib/config';
import { paymentMethods } from '@/lib/payments/config';
import { emptyCart } from '@/lib/cart/view';
import { cartSettings } from '@/lib/cart/settings';
import { CartProvider } from '@/components/cart/CartProvider';
import { CartDrawer } from '@/components/cart/CartDrawer';

/**
 * The shop around a page: skip link, header, main, footer, the cart. The shop's layout uses it, and
 * so does the 404 for an address no route knows (app/not-found.tsx, outside this layout), so a
 * shopper who lands there still has the navigation, the search and the cart.
 */
export async function ShopFrame({ children }: { children: React.ReactNode }) {
  const collections = await getCollections();
  const config = shopConfig();
  return (
    <CartProvider emptyCart={emptyCart(cartSettings())}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {paymentMethods(config).test ? (
        <p className="demo-notice">
          <strong>Demo store:</strong> test payments are on. Orders are real in the shop, but no money moves.
        </p>
      ) : null}
      <SiteHeader
        shopName={config.SHOP_NAME}
        phone={config.SHOP_PHONE}
        freeExpressThresholdCents={config.FREE_EXPRESS_THRESHOLD_CENTS}
        currency={config.SHOP_CURRENCY}
        collections={collections.map((c) => ({ slug: c.slug, title: c.title }))}
      />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter shopName={config.SHOP_NAME} phone={config.SHOP_PHONE} collections={collections.map((c) => ({ slug: c.slug, title: c.title }))} />
      <CartDrawer />
    </CartProvider>
  );
}
