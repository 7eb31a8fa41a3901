import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { NotFoundMessage } from './NotFoundMessage';

async function RaiseNotFound(): Promise<never> {
  notFound();
}

/**
 * What a page returns when its product, collection or article does not exist: a 404 whose
 * server HTML already reads as the not-found page.
 *
 * Calling notFound() straight from the page body does not do that in a production build: React
 * renders no error boundary on the server, so the error reaches the top of the HTML render and
 * Next answers with an empty `<html id="__next_error__">` document, leaving the not-found page
 * to be drawn by JavaScript (a blank page without scripts). Raised inside a Suspense boundary,
 * the error stops at the boundary instead: the server HTML keeps the layout and shows the
 * fallback, the message, and Next still answers 404. With scripts, the browser meets the same
 * error and shows the segment's not-found.tsx, which is the same message.
 */
export function NotFoundPage() {
  return (
    <Suspense fallback={<NotFoundMessage />}>
      <RaiseNotFound />
    </Suspense>
  );
}
