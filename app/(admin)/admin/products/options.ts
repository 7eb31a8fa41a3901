import 'server-only';
import { db } from '@/lib/db';
import { MATERIAL_KEYS, MATERIALS } from '@/lib/catalog/materials';

/** The choices the product form offers: materials and the collections that exist. */
export async function productFormOptions() {
  const collections = await db().collection.findMany({ orderBy: { title: 'asc' }, select: { slug: true, title: true } });
  return {
    materials: MATERIAL_KEYS.map((m) => ({ value: m, label: MATERIALS[m].label })),
    collections: collections.map((c) => ({ value: c.slug, label: c.title })),
  };
}
