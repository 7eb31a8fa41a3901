import type { StaffRole } from './roles';

/** The audit log of every staff change: owner only. */
export function canReadAuditLog(role: StaffRole): boolean {
  return role === 'owner';
}
