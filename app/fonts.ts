import localFont from 'next/font/local';

// Fonts ship in npm packages (@fontsource-variable/*): no request to a font host at build or run time.
export const serif = localFont({
  src: '../node_modules/@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2',
  variable: '--font-serif',
  display: 'swap',
  weight: '100 900',
});

export const sans = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-sans',
  display: 'swap',
  weight: '100 900',
});
