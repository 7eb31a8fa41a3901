import path from 'node:path';
import type { Db } from '../db';
import { loadCatalog, readCatalogContent } from './content';

export const CATALOG_CONTENT_DIR = path.resolve('content/catalog');

/** Loads the demo catalog when the store has no products yet (or always, with force). */
export async function seedCatalog(db: Db, opts: { force?: boolean; dir?: string } = {}) {
  if (!opts.force && (await db.product.count()) > 0) return { skipped: true as const };
  const content = await readCatalogContent(opts.dir ?? CATALOG_CONTENT_DIR);
  return { skipped: false as const, ...(await loadCatalog(db, content)) };
}
