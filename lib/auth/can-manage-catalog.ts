import type { StaffRole } from './roles';

/** Products, variants, prices, collections and stock: owner, manager only. */
export function canManageCatalog(role: StaffRole): boolean {
  return role === 'owner' || role === 'manager';
}
