import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from './roles';
import { canManageCatalog } from './can-manage-catalog';

describe('canManageCatalog', () => {
  it('allows owner, manager and nobody else', () => {
    expect(STAFF_ROLES.filter(canManageCatalog)).toEqual(['owner', 'manager']);
  });
});
