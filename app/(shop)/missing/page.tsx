import { NotFoundPage } from '@/components/layout/NotFoundPage';

/**
 * The one page every unknown product, collection, article or internal cache path is rewritten to
 * (proxy.ts, lib/routing/plan.ts): prerendered once, so junk addresses store nothing new.
 */
export default function Missing() {
  return <NotFoundPage />;
}
