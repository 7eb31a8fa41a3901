import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from './roles';
import { canManageStaff } from './can-manage-staff';

describe('canManageStaff', () => {
  it('allows owner and nobody else', () => {
    expect(STAFF_ROLES.filter(canManageStaff)).toEqual(['owner']);
  });
});
