import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** What the shop aims at: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's violations on the page as it is now, one readable line each (rule, impact, where). */
export async function a11yViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(' | ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`,
  );
}

/**
 * Fails with the list of axe-core's WCAG 2.x A/AA violations, if there are any. Every shopper page
 * runs it (tests/e2e/a11y.spec.ts); later pages (order lookup, returns, the staff area) should too.
 */
export async function expectNoA11yViolations(page: Page, where = page.url()) {
  expect(await a11yViolations(page), `axe-core on ${where}`).toEqual([]);
}

/**
 * Presses Tab until `target` has the focus, as a keyboard user would reach it (at most `max`
 * presses). Fails when it is never reached.
 */
export async function tabTo(page: Page, target: Locator, max = 40, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reached with ${max} presses of ${key}`).toBeFocused();
}

/** Where the focus is: the element's tag, its accessible-ish label, and whether a person can see it. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { onBody: true, visible: false, label: 'body' };
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const visible = r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 60);
    return { onBody: false, visible, label: `${el.tagName.toLowerCase()} ${label}` };
  });
}

/** The focus is on an element a person can see, not dropped to <body>. */
export async function expectVisibleFocus(page: Page) {
  const f = await focused(page);
  expect(f.onBody, 'focus dropped to <body>').toBe(false);
  expect(f.visible, `focused element is visible: ${f.label}`).toBe(true);
  return f.label;
}

/**
 * The contrast between a colour property of an element (its focus outline, its border) and what is
 * around it: the nearest opaque background of its ancestors (and, with `ownBackground`, its own).
 * Returns the lowest ratio, WCAG's formula.
 */
export async function contrastAround(target: Locator, property: 'outlineColor' | 'borderTopColor', ownBackground = false): Promise<number> {
  return target.evaluate(
    (el, [prop, own]) => {
      const parse = (c: string): [number, number, number, number] => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m) throw new Error(`cannot read colour ${c}`);
        const [r, g, b, a = 1] = m[1]!
          .split(/[ ,/]+/)
          .filter(Boolean)
          .map(Number);
        return [r!, g!, b!, a];
      };
      const lum = ([r, g, b]: number[]) => {
        const ch = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
      };
      const ratio = (a: number[], b: number[]) => {
        const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
        return (x! + 0.05) / (y! + 0.05);
      };
      const backgroundOf = (start: Element | null): number[] => {
        for (let n = start; n; n = n.parentElement) {
          const bg = parse(getComputedStyle(n).backgroundColor);
          if (bg[3] >= 0.99) return bg;
        }
        return [255, 255, 255, 1];
      };
      const colour = parse(getComputedStyle(el)[prop as 'outlineColor']);
      const around = [backgroundOf(el.parentElement)];
      if (own) around.push(backgroundOf(el));
      return Math.min(...around.map((bg) => ratio(colour, bg)));
    },
    [property, ownBackground] as const,
  );
}

/** The element's box on screen, for tap target sizes. */
export async function sizeOf(target: Locator) {
  const box = await target.boundingBox();
  if (!box) throw new Error('not on screen');
  return { width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10 };
}
