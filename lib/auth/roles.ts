/** The staff roles, strongest first. Zod-free: the admin's client components may import it. */
export const STAFF_ROLES = ['owner', 'manager', 'editor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  owner: 'Owner',
  manager: 'Manager',
  editor: 'Editor',
};

export const ROLE_DESCRIPTIONS: Record<StaffRole, string> = {
  owner: 'Everything, including staff accounts and the audit log',
  manager: 'Catalog, stock, articles and orders',
  editor: 'Articles only',
};
