'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * A value known only in the browser (whether the page has hydrated, whether navigator.share
 * exists): the server and the first client render see `serverValue`, then React re-renders with
 * the browser's, without a setState inside an effect.
 */
export function useClientValue<T>(read: () => T, serverValue: T): T {
  return useSyncExternalStore(never, read, () => serverValue);
}
