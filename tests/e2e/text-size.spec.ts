import { expect, test } from '@playwright/test';
import { addToCart } from './support/checkout';

// The browser's text size at 200 % (Chromium's default font size from 16 px to 32 px, as the
// settings page sets it): text grows, and the pages reflow instead of scrolling sideways (WCAG
// 1.4.4, 1.4.10). Runs at 1280 px and, in the phone project, at 375 px.
const PAGES = [
  '/',
  '/products',
  '/collections/scarves-and-shawls',
  '/products/tuul-cashmere-scarf',
  '/blog',
  '/blog/protocol-turns-into-an-invitation',
  '/cart',
  '/checkout',
];

test.beforeEach(async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
});

for (const path of PAGES) {
  test(`200 % text on ${path}: text grows, nothing scrolls sideways, no word is cut or broken`, async ({ page }) => {
    if (path === '/cart' || path === '/checkout') await addToCart(page, 'selenge-button-cardigan'); // with a line in the cart
    await page.goto(path);
    await page.waitForLoadState('load');
    const report = await page.evaluate(() => {
      const main = document.querySelector('main') ?? document.body;
      const shown = (el: Element) => el.checkVisibility() && !el.closest('.visually-hidden');
      const name = (el: Element) => `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
      // Every piece of text: the size it is set in, and the box (not inline) that holds it.
      const unscaled: string[] = [];
      const blocks = new Set<HTMLElement>();
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || !shown(el)) continue;
        // 200 % of the smallest size the shop sets (0.7rem = 11.2 px) is 22.4 px.
        if (parseFloat(getComputedStyle(el).fontSize) < 22) unscaled.push(name(el));
        let box: HTMLElement | null = el;
        while (box && getComputedStyle(box).display.startsWith('inline') && box !== main) box = box.parentElement;
        if (box) blocks.add(box);
      }
      // A box whose text is wider than the box is cut off; one that would be wider if words could
      // not break (overflow-wrap: normal) has a word broken in two ("Cardi-gan" over two lines).
      const broken = [...blocks]
        .filter((el) => {
          const wider = () => el.scrollWidth > el.clientWidth + 1;
          if (wider()) return true;
          el.style.overflowWrap = 'normal';
          const tooNarrow = wider();
          el.style.overflowWrap = '';
          return tooNarrow;
        })
        .map(name);
      const wide = [...main.querySelectorAll('*')]
        .filter((el) => shown(el) && el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5)
        .map(name);
      return { overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, unscaled, blocks: blocks.size, broken, wide };
    });
    expect(report.blocks).toBeGreaterThan(0);
    expect.soft(report.unscaled, 'text that did not grow').toEqual([]);
    expect.soft(report.wide, 'elements past the right edge').toEqual([]);
    expect.soft(report.overflow, 'sideways scroll').toBeLessThanOrEqual(0);
    expect.soft(report.broken, 'text cut off or broken inside a word').toEqual([]);
  });
}
