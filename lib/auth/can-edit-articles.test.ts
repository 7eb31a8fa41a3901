import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from './roles';
import { canEditArticles } from './can-edit-articles';

describe('canEditArticles', () => {
  it('allows owner, manager, editor and nobody else', () => {
    expect(STAFF_ROLES.filter(canEditArticles)).toEqual(['owner', 'manager', 'editor']);
  });
  it('gives nothing to a role this version does not know (one a newer release wrote, mid-deploy)', () => {
    expect(canEditArticles('intern' as StaffRole)).toBe(false);
  });
});
