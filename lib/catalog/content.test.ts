import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogContent } from './content';

const CATALOG = path.resolve('content/catalog');

/** A copy of the demo catalog with one product file changed by `edit`. */
async function catalogWith(file: string, edit: (json: Record<string, unknown> & { variants: Record<string, unknown>[] }) => void, rename?: string) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'catalog-'));
  await fs.cp(CATALOG, dir, { recursive: true });
  const from = path.join(dir, 'products', file);
  const json = JSON.parse(await fs.readFile(from, 'utf8'));
  edit(json);
  await fs.writeFile(from, JSON.stringify(json));
  if (rename) await fs.rename(from, path.join(dir, 'products', rename));
  return dir;
}

describe('demo catalog files: each rule stops a bad file', () => {
  it('the files in the repository pass', async () => {
    const content = await readCatalogContent(CATALOG);
    expect(content.products.length).toBeGreaterThanOrEqual(24);
  });

  it('a compare-at price must be above the price', async () => {
    const equal = await catalogWith('felt-camel-toy.json', (j) => (j.variants[0]!.compareAtCents = j.variants[0]!.priceCents));
    await expect(readCatalogContent(equal)).rejects.toThrow(/felt-camel-toy\.json: variants\.0\.compareAtCents must be more than the price/);
    const above = await catalogWith('felt-camel-toy.json', (j) => (j.variants[0]!.compareAtCents = (j.variants[0]!.priceCents as number) + 1));
    await expect(readCatalogContent(above)).resolves.toBeTruthy();
  });

  it('the slug must equal the file name', async () => {
    const renamed = await catalogWith('felt-camel-toy.json', () => {}, 'felt-camel.json');
    await expect(readCatalogContent(renamed)).rejects.toThrow(/felt-camel\.json: slug must match the file name \(felt-camel\.json\)/);
    const reslugged = await catalogWith('felt-camel-toy.json', (j) => (j.slug = 'felt-camel'));
    await expect(readCatalogContent(reslugged)).rejects.toThrow(/felt-camel-toy\.json: slug must match the file name/);
  });
});
