import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from './roles';
import { canEditArticles } from './can-edit-articles';

describe('canEditArticles', () => {
  it('allows owner, manager, editor and nobody else', () => {
    expect(STAFF_ROLES.filter(canEditArticles)).toEqual(['owner', 'manager', 'editor']);
  });
});
