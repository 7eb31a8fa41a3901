'use client';

import { BackSoonMessage } from '@/components/layout/BackSoonMessage';

/** A shopper page failed to render: the message inside the shop's header and footer. */
export default function ShopPageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page">
      <BackSoonMessage reset={reset} />
    </div>
  );
}
