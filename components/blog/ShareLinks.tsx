'use client';

import { useState } from 'react';
import { useClientValue } from '@/components/ui/use-client-value';

/** Share by the phone's own share sheet when there is one, or by copying the link; plus plain links. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const [copied, setCopied] = useState(false);
  // Known only in the browser: decided after hydration so server and client render the same.
  const canShare = useClientValue(() => 'share' in navigator, false);
  const enc = encodeURIComponent;
  return (
    <div className="share">
      <h2 className="share__title">Share this article</h2>
      <ul>
        <li>
          <button
            type="button"
            className="button button--ghost"
            onClick={async () => {
              if (canShare) {
                await navigator.share({ title, url }).catch(() => {});
                return;
              }
              await navigator.clipboard?.writeText(url).catch(() => {});
              setCopied(true);
            }}
          >
            {canShare ? 'Share…' : 'Copy link'}
          </button>
        </li>
        <li>
          <a href={`mailto:?subject=${enc(title)}&body=${enc(url)}`}>Email</a>
        </li>
        <li>
          <a href={`https://x.com/intent/post?text=${enc(title)}&url=${enc(url)}`} rel="noopener noreferrer" target="_blank">
            X
          </a>
        </li>
        <li>
          <a href={`https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`} rel="noopener noreferrer" target="_blank">
            Facebook
          </a>
        </li>
      </ul>
      <p role="status" className="share__status">
        {copied ? 'Link copied.' : ''}
      </p>
    </div>
  );
}
