import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The journal is written in the project's own words: it takes its facts from the page the shop
 * started from (DESIGN.md, reference/seed-page.txt) but no run of RUN consecutive words of an
 * article (front matter included) may appear in that page. Words are compared lower-cased with
 * accents, apostrophes and other punctuation taken out, so a copied run cannot hide behind a
 * changed quote mark or dash.
 *
 * The page lives beside the repository (../shared/reference/ from a checkout under /work), not in
 * it; SEED_PAGE points elsewhere. Without it the check is skipped with a notice.
 */
const RUN = 10;
const root = path.resolve(import.meta.dirname, '../..');
const seedPage = path.resolve(root, process.env.SEED_PAGE ?? '../shared/reference/seed-page.txt');
const articlesDir = path.join(root, 'content/articles');
const hasSeedPage = fs.existsSync(seedPage);
if (!hasSeedPage) console.warn(`originality: ${seedPage} not found; the journal is not compared with the seed page`);

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['‘’ʼ`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function runs(list: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= list.length; i++) out.push(list.slice(i, i + n).join(' '));
  return out;
}

/** Every run of `n` words of `text` that also appears in `source`, overlapping runs merged into one passage. */
function sharedPassages(text: string, source: string, n = RUN): string[] {
  const sourceRuns = new Set(runs(words(source), n));
  const list = words(text);
  const passages: string[] = [];
  let start = -1;
  let end = -1;
  for (let i = 0; i + n <= list.length; i++) {
    if (!sourceRuns.has(list.slice(i, i + n).join(' '))) continue;
    if (start >= 0 && i <= end) end = i + n;
    else {
      if (start >= 0) passages.push(list.slice(start, end).join(' '));
      start = i;
      end = i + n;
    }
  }
  if (start >= 0) passages.push(list.slice(start, end).join(' '));
  return passages;
}

describe('the comparison', () => {
  it('ignores case, punctuation, quote marks and accents', () => {
    expect(words('Mongolia’s “Decree No.22” — Ulaanbaatar, Café')).toEqual(['mongolias', 'decree', 'no', '22', 'ulaanbaatar', 'cafe']);
  });
  it('finds a copied run and merges overlapping ones', () => {
    const source = 'one two three four five six seven eight nine ten eleven twelve';
    expect(sharedPassages('zero One, two three four five six seven eight nine ten eleven! end', source)).toEqual([
      'one two three four five six seven eight nine ten eleven',
    ]);
    expect(sharedPassages('one two three four five six seven eight nine TEN', source, 10)).toHaveLength(1);
    expect(sharedPassages('one two three four five six seven eight nine zero', source)).toEqual([]);
  });
});

describe.skipIf(!hasSeedPage)('the journal, against the seed page', () => {
  const source = hasSeedPage ? fs.readFileSync(seedPage, 'utf8') : '';
  const files = fs
    .readdirSync(articlesDir)
    .filter((f) => f.endsWith('.md'))
    .sort();

  it('has articles to compare', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)(`%s shares no run of ${RUN} words with the seed page`, (file) => {
    const text = fs.readFileSync(path.join(articlesDir, file), 'utf8');
    expect(sharedPassages(text, source)).toEqual([]);
  });
});
