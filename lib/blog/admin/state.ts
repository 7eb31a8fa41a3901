/**
 * Where an article stands for readers, as lib/blog/queries.ts visibleTo decides it: a draft is never
 * shown; a published (or scheduled) article is shown from its publishedAt on, so one dated in the
 * future is scheduled until then. The staff list names and filters articles by this.
 */
export type ArticleState = 'draft' | 'scheduled' | 'published';

export function articleState(a: { status: 'draft' | 'published' | 'scheduled'; publishedAt: Date | null }, now: Date): ArticleState {
  if (a.status === 'draft' || a.publishedAt === null) return 'draft';
  return a.publishedAt.getTime() > now.getTime() ? 'scheduled' : 'published';
}

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "Draft", "Scheduled for 1 Sept 2026, 08:00 UTC", "Published 12 Mar 2026, 08:00 UTC". */
export function articleStateLabel(a: { status: 'draft' | 'published' | 'scheduled'; publishedAt: Date | null }, now: Date): string {
  const state = articleState(a, now);
  if (state === 'draft') return 'Draft';
  const at = `${when.format(a.publishedAt!)} UTC`;
  return state === 'scheduled' ? `Scheduled for ${at}` : `Published ${at}`;
}
