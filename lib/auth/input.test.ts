import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth-limits';
import { emailSchema, nameSchema, newStaffSchema, passwordSchema, roleSchema, setupSchema, signInSchema, staffIdSchema } from './input';

/** The first message a person would read for `value`, or null when it is accepted. */
function says(schema: z.ZodType, value: unknown): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
}

describe('the staff forms', () => {
  it('takes an e-mail address trimmed and in lower case, and says what is wrong with one it refuses', () => {
    expect(emailSchema.parse('  Saraa@Example.COM ')).toBe('saraa@example.com');
    expect(says(emailSchema, undefined)).toBe('Enter an e-mail address');
    expect(says(emailSchema, '   ')).toBe('Enter an e-mail address');
    expect(says(emailSchema, 'saraa')).toBe('Enter an e-mail address like name@example.com');
    expect(says(emailSchema, `${'a'.repeat(243)}@example.com`)).toBe('That e-mail address is too long');
    expect(says(emailSchema, `${'a'.repeat(242)}@example.com`)).toBeNull();
  });

  it(`takes a password of ${PASSWORD_MIN} to ${PASSWORD_MAX} characters, as typed`, () => {
    expect(passwordSchema.parse(' eleven+one ch ')).toBe(' eleven+one ch ');
    expect(says(passwordSchema, 'x'.repeat(PASSWORD_MIN))).toBeNull();
    expect(says(passwordSchema, 'x'.repeat(PASSWORD_MAX))).toBeNull();
    expect(says(passwordSchema, 'x'.repeat(PASSWORD_MIN - 1))).toBe('Use at least 12 characters for the password');
    expect(says(passwordSchema, 'x'.repeat(PASSWORD_MAX + 1))).toBe('Keep the password under 128 characters');
    expect(says(passwordSchema, undefined)).toBe('Enter a password');
  });

  it('takes a name of letters and punctuation up to 100 characters, without control characters', () => {
    expect(nameSchema.parse('  Bold Saraa ')).toBe('Bold Saraa');
    expect(says(nameSchema, 'Өлзий-Орших О.')).toBeNull();
    expect(says(nameSchema, 'x'.repeat(100))).toBeNull();
    expect(says(nameSchema, 'x'.repeat(101))).toBe('Keep the name under 100 characters');
    expect(says(nameSchema, '  ')).toBe('Enter a name');
    expect(says(nameSchema, undefined)).toBe('Enter a name');
    for (const bad of ['Saraa\u0000', 'Saraa\nBold', 'Sa\u0007raa'])
      expect(says(nameSchema, bad), JSON.stringify(bad)).toBe('Use letters, numbers and punctuation only in the name');
  });

  it('takes only the three roles', () => {
    for (const role of ['owner', 'manager', 'editor']) expect(says(roleSchema, role)).toBeNull();
    for (const role of ['admin', 'Owner', '', undefined]) expect(says(roleSchema, role)).toBe('Choose owner, manager or editor');
  });

  it('a new account needs all four; the first owner (setup) everything but the role, which it cannot choose', () => {
    const full = { email: 'a@example.com', name: 'A', role: 'manager', password: 'x'.repeat(12) };
    expect(newStaffSchema.parse(full)).toEqual(full);
    expect(says(newStaffSchema, { ...full, role: undefined })).toBe('Choose owner, manager or editor');
    expect(setupSchema.parse(full)).toEqual({ email: 'a@example.com', name: 'A', password: 'x'.repeat(12) });
  });

  it('signing in checks only that a password was typed and is not absurdly long', () => {
    expect(signInSchema.parse({ email: ' A@Example.com', password: 'short' })).toEqual({ email: 'a@example.com', password: 'short' });
    expect(says(signInSchema, { email: 'a@example.com', password: '' })).toBe('Enter your password');
    expect(says(signInSchema, { email: 'a@example.com' })).toBe('Enter your password');
    expect(says(signInSchema, { email: 'a@example.com', password: 'x'.repeat(PASSWORD_MAX + 1) })).toBe('That password is too long');
    expect(says(signInSchema, { email: 'a@example.com', password: 'x'.repeat(PASSWORD_MAX) })).toBeNull();
  });

  it('a staff id is a row id, or "that account does not exist"', () => {
    expect(says(staffIdSchema, 'c' + 'a1'.repeat(12))).toBeNull();
    for (const bad of ['', 'c123', 'x' + 'a'.repeat(24), 'xc' + 'a'.repeat(24), 'c' + 'A'.repeat(24), `c${'a'.repeat(24)}'`]) {
      expect(says(staffIdSchema, bad), bad).toBe('That staff account does not exist');
    }
  });
});
