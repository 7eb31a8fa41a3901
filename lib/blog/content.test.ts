import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleContent } from './content';

const ARTICLES = path.resolve('content/articles');
const FILE = 'marshal-demid-1900-1937.md';

/** A copy of the journal with one article's text changed by `edit`. */
async function articlesWith(edit: (text: string) => string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'articles-'));
  await fs.cp(ARTICLES, dir, { recursive: true });
  const file = path.join(dir, FILE);
  const before = await fs.readFile(file, 'utf8');
  const after = edit(before);
  expect(after, 'the edit must change the file').not.toBe(before);
  await fs.writeFile(file, after);
  return dir;
}

describe('journal files: each rule stops a bad file', () => {
  it('the files in the repository pass', async () => {
    expect((await readArticleContent(ARTICLES)).articles.length).toBeGreaterThanOrEqual(5);
  });

  it('publishedAt is required unless the article is a draft', async () => {
    const noDate = (status: string) => (t: string) =>
      t
        .replace(/^publishedAt: .*\n/m, '')
        .replace(/^revisedAt: .*\n/m, '')
        .replace('status: published', `status: ${status}`);
    for (const status of ['published', 'scheduled']) {
      await expect(readArticleContent(await articlesWith(noDate(status))), status).rejects.toThrow(
        /marshal-demid-1900-1937\.md: publishedAt is required unless the article is a draft/,
      );
    }
    const draft = await readArticleContent(await articlesWith(noDate('draft')));
    expect(draft.articles.find((a) => a.slug === 'marshal-demid-1900-1937')?.frontMatter.publishedAt).toBeUndefined();
  });

  it('a series must be one of series.json', async () => {
    const dir = await articlesWith((t) => t.replace('series: choibalsan', 'series: no-such-series'));
    await expect(readArticleContent(dir)).rejects.toThrow(/marshal-demid-1900-1937\.md: series names an unknown series "no-such-series"/);
  });
});
