'use client';

import Image from 'next/image';
import { useState } from 'react';
import type { ImageView } from '@/lib/catalog/types';

export function ProductGallery({ images, title }: { images: ImageView[]; title: string }) {
  const [current, setCurrent] = useState(0);
  const main = images[current] ?? images[0];
  if (!main) return <div className="gallery gallery--empty" aria-label={`${title}: no picture yet`} />;
  return (
    <div className="gallery">
      <div className="gallery__main">
        <Image src={main.src} alt={main.alt} width={main.width} height={main.height} sizes="(max-width: 900px) 100vw, 560px" priority />
      </div>
      {images.length > 1 ? (
        <ul className="gallery__thumbs" aria-label="More pictures">
          {images.map((img, i) => (
            <li key={img.src}>
              <button
                type="button"
                onClick={() => setCurrent(i)}
                aria-pressed={i === current}
                aria-label={`Show picture ${i + 1} of ${images.length}: ${img.alt}`}
              >
                <Image src={img.src} alt="" width={96} height={120} sizes="96px" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
