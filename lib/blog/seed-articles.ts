import path from 'node:path';
import type { Db } from '../db';
import { loadArticles, readArticleContent } from './content';

export const ARTICLES_CONTENT_DIR = path.resolve('content/articles');

/** Loads content/articles. An upsert by slug: safe to run on every start. */
export async function seedArticles(db: Db, dir = ARTICLES_CONTENT_DIR) {
  return loadArticles(db, await readArticleContent(dir));
}
