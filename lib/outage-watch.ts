import { within } from './within';

/**
 * Whether this app server should believe its database is out of reach right now: the answer of a
 * trivial probe (SELECT 1), asked at most once per `everyMs` and shared by every request that arrives
 * meanwhile. A probe that fails or takes longer than `timeoutMs` means "down"; the next one that
 * answers means "up" again, so recovery needs no restart.
 *
 * It is this server's view of its own connection, not a counter shared between servers, so it lives
 * in the process. proxy.ts asks it before a page request, and only while it says "down" does the
 * page go through the outage path (rendered once more and, if it fails, the 503 back-soon page).
 */
export interface OutageWatch {
  /** Resolves to true while the last probe failed; asks again when the last answer is older than everyMs. */
  looksDown(): Promise<boolean>;
}

export function outageWatch(
  probe: () => Promise<unknown>,
  {
    everyMs = 1000,
    timeoutMs = 1000,
    now = () => performance.now(),
    onChange = () => {},
  }: {
    everyMs?: number;
    timeoutMs?: number;
    now?: () => number;
    /** Told when the view turns (the first answer counts only when it is "down"): for the server's log. */
    onChange?: (down: boolean, error: unknown) => void;
  } = {},
): OutageWatch {
  let last: { down: boolean; at: number } | null = null;
  let asking: Promise<boolean> | null = null;

  const ask = async (): Promise<boolean> => {
    let down: boolean;
    let error: unknown = null;
    try {
      await within(probe(), timeoutMs);
      down = false;
    } catch (e) {
      down = true;
      error = e;
    }
    const turned = down !== (last?.down ?? false);
    last = { down, at: now() };
    if (turned) {
      try {
        onChange(down, error);
      } catch {
        /* a log line that fails must not change what the watch says */
      }
    }
    return down;
  };

  return {
    looksDown() {
      if (last && now() - last.at < everyMs) return Promise.resolve(last.down);
      // Cleared after the promise settles (never inside ask: a probe that throws at once would settle it first).
      asking ??= ask().finally(() => {
        asking = null;
      });
      return asking;
    },
  };
}
