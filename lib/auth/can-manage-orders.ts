import type { StaffRole } from './roles';

/** Orders, returns and refunds: owner, manager only. */
export function canManageOrders(role: StaffRole): boolean {
  return role === 'owner' || role === 'manager';
}
