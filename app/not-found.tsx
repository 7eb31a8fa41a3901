import { NotFoundMessage } from '@/components/layout/NotFoundMessage';
import { ShopFrame } from './(shop)/shop-frame';

export const metadata = { title: 'Page not found' };

/** An address no route knows: the not-found message inside the shop's header, navigation and footer. */
export default function NotFound() {
  return (
    <ShopFrame>
      <NotFoundMessage />
    </ShopFrame>
  );
}
