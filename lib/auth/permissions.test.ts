import { describe, expect, it } from 'vitest';
import { authorize, PermissionError, PERMISSIONS, type StaffActor } from './permissions';

const actor = (role: StaffActor['role']): StaffActor => ({ id: 'u1', email: 'a@example.com', name: 'A', role });

describe('authorize', () => {
  it('lets an owner do everything', () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(() => authorize(actor('owner'), p)).not.toThrow();
  });
  it('refuses a weaker role with a sentence and status 403', () => {
    expect(() => authorize(actor('editor'), 'manageCatalog')).toThrow(new PermissionError('manageCatalog'));
    expect(() => authorize(actor('manager'), 'manageStaff')).toThrow('Only an owner can manage staff accounts.');
    expect(new PermissionError('readAuditLog').status).toBe(403);
  });
  it('refuses nobody signed in', () => {
    expect(() => authorize(null, 'editArticles')).toThrow(PermissionError);
  });
  it('says in a sentence what the role may not do, for each permission', () => {
    const said = Object.fromEntries((Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).map((p) => [p, new PermissionError(p).message]));
    expect(said).toEqual({
      manageStaff: 'Only an owner can manage staff accounts.',
      manageCatalog: 'Your role cannot change the catalog.',
      editArticles: 'Your role cannot edit articles.',
      manageOrders: 'Your role cannot handle orders.',
      readAuditLog: 'Only an owner can read the audit log.',
    });
    expect(new PermissionError('manageOrders').name).toBe('PermissionError');
  });
});
