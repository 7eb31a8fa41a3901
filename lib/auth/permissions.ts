import { canEditArticles } from './can-edit-articles';
import { canManageCatalog } from './can-manage-catalog';
import { canManageOrders } from './can-manage-orders';
import { canManageStaff } from './can-manage-staff';
import { canReadAuditLog } from './can-read-audit-log';
import type { StaffRole } from './roles';

/** Every permission a staff page, server action or route handler can ask for, each decided by one predicate. */
export const PERMISSIONS = {
  manageStaff: canManageStaff,
  manageCatalog: canManageCatalog,
  editArticles: canEditArticles,
  manageOrders: canManageOrders,
  readAuditLog: canReadAuditLog,
} as const satisfies Record<string, (role: StaffRole) => boolean>;

export type Permission = keyof typeof PERMISSIONS;

/** Who is acting: what every staff change in lib/ takes, checks and records. */
export interface StaffActor {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

export function allows(role: StaffRole, permission: Permission): boolean {
  return PERMISSIONS[permission](role);
}

const DENIED: Record<Permission, string> = {
  manageStaff: 'Only an owner can manage staff accounts.',
  manageCatalog: 'Your role cannot change the catalog.',
  editArticles: 'Your role cannot edit articles.',
  manageOrders: 'Your role cannot handle orders.',
  readAuditLog: 'Only an owner can read the audit log.',
};

/** A staff member asked for something their role does not allow (HTTP 403). */
export class PermissionError extends Error {
  readonly status = 403;
  constructor(readonly permission: Permission) {
    super(DENIED[permission]);
    this.name = 'PermissionError';
  }
}

/** The check every staff change in lib/ makes first, whatever the page showed. */
export function authorize(actor: StaffActor | null | undefined, permission: Permission): asserts actor is StaffActor {
  if (!actor || !allows(actor.role, permission)) throw new PermissionError(permission);
}
