import { expect, it } from 'vitest';
import { previewArticleBody } from './preview';
import { MAX_BODY_BYTES } from './input';

it('renders with the journal renderer: headings get prefixed ids, raw HTML and scripts are dropped', async () => {
  const html = await previewArticleBody('## Urga\n\nThe **city**.\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))');
  expect(html).toContain('<strong>city</strong>');
  expect(html).toContain('id="user-content-urga"');
  expect(html).not.toMatch(/<script|onerror|javascript:/);
});

it('cuts oversized input and previews non-text as nothing', async () => {
  const html = await previewArticleBody('a'.repeat(MAX_BODY_BYTES * 3));
  expect(html.length).toBeLessThan(MAX_BODY_BYTES + 100);
  expect(await previewArticleBody(42)).toBe('');
  expect(await previewArticleBody(null)).toBe('');
});
