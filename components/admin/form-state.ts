/** What every /admin server action answers its form with (useActionState). Zod-free: client components import it. */
export interface AdminFormState {
  /** Messages beside fields, by field name. */
  errors: Record<string, string>;
  /** What was typed (never passwords), so a refused form keeps it. */
  values: Record<string, string>;
  /** A problem with the whole form. */
  message: string | null;
  /** A success to announce (the form stays on the page). */
  done: string | null;
  /** Counts answers, so the fields are drawn afresh from `values` each time. */
  attempt: number;
}

export const initialAdminFormState: AdminFormState = { errors: {}, values: {}, message: null, done: null, attempt: 0 };
