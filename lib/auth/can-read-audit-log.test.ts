import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from './roles';
import { canReadAuditLog } from './can-read-audit-log';

describe('canReadAuditLog', () => {
  it('allows owner and nobody else', () => {
    expect(STAFF_ROLES.filter(canReadAuditLog)).toEqual(['owner']);
  });
});
