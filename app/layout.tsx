import type { Metadata, Viewport } from 'next';
import { shopConfig } from '@/lib/config';
import { serif, sans } from './fonts';
import './globals.css';

const config = shopConfig();

export const metadata: Metadata = {
  metadataBase: new URL(config.SITE_URL),
  title: { default: `${config.SHOP_NAME} — wool goods made in Mongolia`, template: `%s · ${config.SHOP_NAME}` },
  description:
    'Cashmere, yak and camel wool, and felt, made in Mongolia by the people who herd, comb, spin and knit it. Free Express shipping on wool orders over $150.',
  openGraph: { siteName: config.SHOP_NAME, type: 'website', locale: 'en_US' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f1e8' },
    { media: '(prefers-color-scheme: dark)', color: '#171513' },
  ],
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${serif.variable} ${sans.variable}`}>
      <body>{children}</body>
    </html>
  );
}
