import { Feed } from 'feed';
import { getFeedArticles } from '@/lib/blog/cached';
import { shopConfig } from '@/lib/config';

// Cached like the pages; refreshed when articles change and at least every five minutes.
export const revalidate = 300;

export async function GET() {
  const config = shopConfig();
  const site = config.SITE_URL.replace(/\/$/, '');
  const articles = await getFeedArticles();
  const feed = new Feed({
    title: `${config.SHOP_NAME} — Journal`,
    description: 'Histories of Mongolia in the 1930s, and the places our wool comes from.',
    id: `${site}/blog`,
    link: `${site}/blog`,
    language: 'en',
    copyright: `${config.SHOP_NAME}`,
    updated: articles[0] ? new Date(articles[0].updatedAt) : new Date(0),
    feedLinks: { rss: `${site}/blog/feed.xml` },
  });
  for (const a of articles) {
    feed.addItem({
      title: a.title,
      id: `${site}/blog/${a.slug}`,
      link: `${site}/blog/${a.slug}`,
      description: a.excerpt,
      content: a.html,
      date: new Date(a.publishedAt),
      image: `${site}${a.cover.src}`,
      category: a.tags.map((t) => ({ name: t })),
      author: [{ name: a.author }],
    });
  }
  return new Response(feed.rss2(), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
}
