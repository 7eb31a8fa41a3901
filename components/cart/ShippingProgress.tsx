import { progressMessage, type FreeExpressProgress } from '@/lib/cart/shipping';

export function ShippingProgress({ progress }: { progress: FreeExpressProgress }) {
  const message = progressMessage(progress);
  return (
    <div className={progress.qualifies ? 'ship-progress ship-progress--done' : 'ship-progress'}>
      <p className="ship-progress__text">
        {progress.qualifies ? (
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
            <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        ) : null}
        {message}
      </p>
      <progress className="ship-progress__bar" max={100} value={progress.percent} aria-label="Progress toward free Express shipping">
        {progress.percent}%
      </progress>
    </div>
  );
}
