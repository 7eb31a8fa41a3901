import { NotFoundMessage } from '@/components/layout/NotFoundMessage';

export default function ShopNotFound() {
  return <NotFoundMessage />;
}
