import type { StaffRole } from './roles';

/** Staff accounts (invite, change a role, disable): owner only. */
export function canManageStaff(role: StaffRole): boolean {
  return role === 'owner';
}
