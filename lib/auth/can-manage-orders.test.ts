import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from './roles';
import { canManageOrders } from './can-manage-orders';

describe('canManageOrders', () => {
  it('allows owner, manager and nobody else', () => {
    expect(STAFF_ROLES.filter(canManageOrders)).toEqual(['owner', 'manager']);
  });
});
