/** What the order-lookup action answers the form with (useActionState). Zod-free: the form imports it. */
export type LookupFieldName = 'number' | 'email';

export interface LookupState {
  /** Messages beside fields (input that could not be an order number or an e-mail). */
  errors: Partial<Record<LookupFieldName, string>>;
  /** What the shopper typed, so a refused form keeps it. */
  values: Partial<Record<LookupFieldName, string>>;
  /** The outcome for the whole form: the generic "not found", or how long to wait. */
  message: string | null;
  /** Counts answers: the fields are drawn afresh for each, from `values`. */
  attempt: number;
}

export const initialLookupState: LookupState = { errors: {}, values: {}, message: null, attempt: 0 };
