import { expect, test } from '@playwright/test';

const SERIES_TITLES = [
  'A Promise for Ten Years: The Protocol of 12 March 1934',
  'From Protocol to Invitation: The Night of 24 August 1937',
  'The Council of Ministers Asks: What Decree No. 22 Requested',
  'Thirty Thousand Across the Border: The Soviet Army at Altanbulag and Ereentsav',
  'Marshal G. Demid, 1900–1937',
];

test('read the Choibalsan series from the first article to the last by following Next', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Journal' })).toBeVisible();
  const series = page.getByRole('region', { name: 'Choibalsan' });
  await expect(series.getByRole('listitem')).toHaveCount(5);
  await series.getByRole('link', { name: SERIES_TITLES[0] }).click();

  for (let i = 0; i < SERIES_TITLES.length; i++) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SERIES_TITLES[i]!);
    await expect(page.getByText(`Choibalsan · Part ${i + 1} of 5`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Key dates' })).toBeVisible();
    await expect(page.getByText(/\d+ min read/).first()).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Choibalsan series' });
    if (i < SERIES_TITLES.length - 1) await nav.getByRole('link', { name: /^Next/ }).click();
    else await expect(nav.getByRole('link', { name: /^Next/ })).toHaveCount(0);
  }
  // And back.
  await page
    .getByRole('navigation', { name: 'Choibalsan series' })
    .getByRole('link', { name: /^Previous/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SERIES_TITLES[3]!);
});

test('an article has a table of contents with working anchors, metadata and Article JSON-LD', async ({ page }) => {
  await page.goto('/blog/marshal-demid-1900-1937');
  const toc = page.getByRole('navigation', { name: 'Contents' });
  await toc.getByRole('link', { name: 'The doubtful autopsy' }).click();
  await expect(page).toHaveURL(/#user-content-the-doubtful-autopsy$/);
  await expect(page.getByRole('heading', { name: 'The doubtful autopsy' })).toBeInViewport();
  await expect(page.getByText('Updated 6 October 2026')).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/blog\/marshal-demid-1900-1937$/);
  await expect(page.locator('meta[property="og:image"]').first()).toHaveAttribute('content', /\/images\/articles\/marshal-demid-1900-1937\.webp$/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(json).toMatchObject({
    '@type': 'Article',
    headline: 'Marshal G. Demid, 1900–1937',
    datePublished: '2026-09-29T08:00:00.000Z',
    dateModified: '2026-10-06T08:00:00.000Z',
  });
  await expect(page.getByRole('region', { name: 'More from the series' }).getByRole('listitem')).toHaveCount(4);
});

test('the feed lists every published article with absolute links', async ({ page, request }) => {
  const res = await request.get('/blog/feed.xml');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/rss+xml');
  const xml = await res.text();
  expect(xml).toContain('<rss version="2.0"');
  const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
  // The five seed articles (the staff e2e, which runs first, may have published one more).
  expect(links.length).toBeGreaterThanOrEqual(5);
  expect(
    links.filter((l) =>
      /\/blog\/(protocol-of-mutual-assistance-1934|protocol-turns-into-an-invitation|council-of-ministers-request|seventeenth-army-crosses-the-border|marshal-demid-1900-1937)$/.test(
        l!,
      ),
    ),
  ).toHaveLength(5);
  for (const l of links) expect(l).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/blog\/[a-z0-9-]+$/);
  for (const title of SERIES_TITLES) expect(xml).toContain(title.replace(/&/g, '&amp;'));
  // Every feed link is a page a reader can open.
  await page.goto(new URL(links[0]!).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('/blog/feed.xml');
  expect(sitemap).toContain('/blog/council-of-ministers-request');
});

test('tags filter the journal, and unknown articles are 404', async ({ page }) => {
  await page.goto('/blog');
  await page
    .getByRole('navigation', { name: 'Topics' })
    .getByRole('link', { name: /red army/ })
    .click();
  await expect(page).toHaveURL(/\/blog\?tag=red-army$/);
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(2);
  const res = await page.goto('/blog/no-such-article');
  expect(res?.status()).toBe(404);
});

test('article pages are served from the cache', async ({ request }) => {
  await request.get('/blog/council-of-ministers-request');
  const again = await request.get('/blog/council-of-ministers-request');
  expect(again.headers()['x-nextjs-cache']).toBe('HIT');
});

test('long reading: the text column holds 60–75 characters a line', async ({ page }) => {
  await page.goto('/blog/council-of-ministers-request');
  const chars = await page
    .locator('.article__body p')
    .first()
    .evaluate((p) => {
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
      probe.textContent = 'the quick brown fox jumps over the lazy dog, said Amar.'.repeat(4);
      p.appendChild(probe);
      const perChar = probe.getBoundingClientRect().width / probe.textContent.length;
      probe.remove();
      return p.getBoundingClientRect().width / perChar;
    });
  expect(chars).toBeGreaterThanOrEqual(60);
  expect(chars).toBeLessThanOrEqual(75);
});
