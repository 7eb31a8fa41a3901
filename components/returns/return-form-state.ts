/** The return form's answer from the server (app/(shop)/returns/actions.ts): a sentence, field messages, what was typed. */
export interface ReturnFormState {
  attempt: number;
  message: string | null;
  /** By field name: `qty.<line id>`, `reason.<line id>`, `comment.<line id>`, `photos`. */
  errors: Record<string, string>;
  values: Record<string, string>;
}

export const initialReturnFormState: ReturnFormState = { attempt: 0, message: null, errors: {}, values: {} };
