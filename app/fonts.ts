import localFont from 'next/font/local';

// Fonts ship in npm packages (@fontsource-variable/*): no request to a font host at build or run time.
// display 'optional': a font that has not arrived by first paint (it is preloaded, so it usually
// has) is not swapped in later, so text never reflows under the shopper's eyes; 'swap' moved the
// header and the catalog by a layout shift of about 0.02 on a phone. The next page has it cached.
export const serif = localFont({
  src: '../node_modules/@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2',
  variable: '--font-serif',
  display: 'optional',
  weight: '100 900',
  // Until Fraunces is there, headings fall back to a serif sized to match it (the default is Arial).
  adjustFontFallback: 'Times New Roman',
});

export const sans = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-sans',
  display: 'optional',
  weight: '100 900',
});
