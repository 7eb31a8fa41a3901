import type { StaffRole } from './roles';

/** The journal's articles: owner, manager, editor only. */
export function canEditArticles(role: StaffRole): boolean {
  return role === 'owner' || role === 'manager' || role === 'editor';
}
