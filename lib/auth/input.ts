import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth-limits';
import { STAFF_ROLES } from './roles';

/** The staff forms and the staff:create command, parsed the same way; each message is for a person. */
export const emailSchema = z
  .string({ error: 'Enter an e-mail address' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an e-mail address')
  .max(254, 'That e-mail address is too long')
  .pipe(z.email('Enter an e-mail address like name@example.com'));

export const passwordSchema = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for the password`)
  .max(PASSWORD_MAX, `Keep the password under ${PASSWORD_MAX} characters`);

export const nameSchema = z
  .string({ error: 'Enter a name' })
  .trim()
  .min(1, 'Enter a name')
  .max(100, 'Keep the name under 100 characters')
  .refine((v) => !/[\p{Cc}]/u.test(v), 'Use letters, numbers and punctuation only in the name');

export const roleSchema = z.enum(STAFF_ROLES, { error: 'Choose owner, manager or editor' });

export const newStaffSchema = z.object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema });
export type NewStaff = z.infer<typeof newStaffSchema>;

export const setupSchema = newStaffSchema.omit({ role: true });
export type SetupInput = z.infer<typeof setupSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  // Any length is checked by Better Auth; only absurd sizes are refused before hashing.
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(PASSWORD_MAX, 'That password is too long'),
});

export const staffIdSchema = z.string().regex(/^c[a-z0-9]{20,32}$/, 'That staff account does not exist');
