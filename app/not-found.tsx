import { NotFoundMessage } from '@/components/layout/NotFoundMessage';

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <main id="main">
      <NotFoundMessage />
    </main>
  );
}
