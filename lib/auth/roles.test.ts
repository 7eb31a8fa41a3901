import { describe, expect, it } from 'vitest';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, STAFF_ROLES } from './roles';

describe('the staff roles', () => {
  it('are owner, manager and editor, strongest first', () => {
    expect(STAFF_ROLES).toEqual(['owner', 'manager', 'editor']);
  });

  it('each has a name and a sentence saying what it may do, as the staff page shows them', () => {
    expect(ROLE_LABELS).toEqual({ owner: 'Owner', manager: 'Manager', editor: 'Editor' });
    expect(ROLE_DESCRIPTIONS).toEqual({
      owner: 'Everything, including staff accounts and the audit log',
      manager: 'Catalog, stock, articles and orders',
      editor: 'Articles only',
    });
  });
});
