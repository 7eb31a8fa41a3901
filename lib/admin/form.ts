import { z } from 'zod';

/** The named text fields of a posted form, each cut to `max` characters (a 1 MB title never reaches zod whole). */
export function formStrings(form: FormData, names: readonly string[], max = 20_000): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = form.get(name);
    if (typeof v === 'string') out[name] = v.length > max ? v.slice(0, max + 1) : v;
  }
  return out;
}

/** First message per field, keyed by the dotted path (variants.0.sku), for forms that show them beside their fields. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A path inside the staff area to go back to after signing in; anything else (another site, //evil) is /admin. */
export function safeAdminPath(next: string | undefined | null): string {
  if (!next || !/^\/admin(?:[/?#]|$)/.test(next) || next.startsWith('//') || next.includes('\\')) return '/admin';
  return next;
}

/** A list's ?page= from the URL: a whole number from 1; anything else (missing, junk, an array) is page 1. */
export const pageParamSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export function pageParam(raw: unknown): number {
  return pageParamSchema.parse(typeof raw === 'string' ? raw : undefined);
}

/** A required line of text typed by staff: trimmed, not empty, at most `max` characters, no control characters (line breaks and tabs allowed). */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Keep ${label} under ${max} characters`)
    .refine((v) => !/[\p{Cc}]/u.test(v.replace(/[\n\r\t]/g, '')), `Use letters, numbers and punctuation only in ${label}`);
