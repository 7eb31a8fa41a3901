import { beforeAll, expect, it } from 'vitest';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { seedArticles } from '@/lib/blog/seed-articles';
import { KNOWN_TTL_MS, knownFrom } from '@/lib/routing/known';
import { describeEachDatabase } from '../support/databases';

describeEachDatabase('what the routing plan knows of the catalog', (ctx) => {
  beforeAll(async () => {
    await seedCatalog(ctx.db);
    await seedArticles(ctx.db);
  });

  it('knows active products, collections, visible articles, colours and tags', async () => {
    const known = knownFrom(() => ctx.db);
    const product = await ctx.db.product.findFirstOrThrow({ where: { status: 'active' }, include: { variants: true } });
    const draft = await ctx.db.product.findFirstOrThrow({ where: { status: 'draft' } });
    const article = await ctx.db.article.findFirstOrThrow({ where: { status: 'published' } });
    expect(await known.product(product.slug)).toBe(true);
    expect(await known.product(draft.slug)).toBe(false);
    expect(await known.product('no-such-thing')).toBe(false);
    expect(await known.article(article.slug)).toBe(true);
    expect((await known.colours()).has(product.variants[0]!.colour.toLowerCase())).toBe(true);
    expect((await known.tags()).has(article.tags[0]!.toLowerCase())).toBe(true);
    expect(await known.activeProducts()).toBe(await ctx.db.product.count({ where: { status: 'active' } }));
  });

  it('finds a product made after its list was read at once, and forgets an archived one after the list’s lifetime', async () => {
    let now = new Date();
    const known = knownFrom(
      () => ctx.db,
      () => now,
    );
    const collection = await ctx.db.collection.findFirstOrThrow();
    expect(await known.collection(collection.slug)).toBe(true);
    const made = await ctx.db.product.create({
      data: { slug: 'routing-test-hat', title: 'Hat', description: 'd', material: 'yak', origin: 'Ulaanbaatar', care: 'c', isWool: true, status: 'active' },
    });
    expect(await known.product('routing-test-hat')).toBe(true);
    await ctx.db.product.update({ where: { id: made.id }, data: { status: 'archived' } });
    now = new Date(now.getTime() + KNOWN_TTL_MS + 1);
    expect(await known.product('routing-test-hat')).toBe(false);
  });
});
