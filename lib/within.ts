/**
 * `promise`'s outcome, or a rejection "no answer within <ms> ms" once `ms` have passed: for a probe of
 * something that may swallow packets (a database behind a cut network) and never answer. The timer is
 * cleared as soon as the promise settles and never keeps the process alive.
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    // Node's timers can be unref'd; elsewhere (a browser, an edge runtime) there is nothing to hold open.
    timer.unref?.();
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
