/**
 * The staff return forms as posted (every value a string) → the shapes input.ts parses. The
 * receive form sends one group per line: `lines.0.returnLineId`, `lines.0.receivedQuantity` and
 * `lines.0.restock` (the radios' "yes" or "no"); a missing or unknown choice stays undefined, so
 * the schema says "Choose restock or do not restock". Empty optional fields are left out.
 */
export const MAX_FORM_LINES = 100;

function text(form: FormData, name: string, max: number): string | undefined {
  const v = form.get(name);
  if (typeof v !== 'string') return undefined;
  // Cut one character over the limit, so the schema still refuses it with its sentence (a shorter text is unchanged).
  return v.slice(0, max + 1);
}

/** The field's text, or undefined when it is missing or blank (an optional field left empty). */
function optional(form: FormData, name: string, max: number): string | undefined {
  const v = text(form, name, max);
  return v === undefined || v.trim() === '' ? undefined : v;
}

export interface ReadForm {
  /** What goes to the schema. */
  raw: Record<string, unknown>;
  /** What was typed, by field name, so a refused form keeps it. */
  values: Record<string, string>;
}

function valuesOf(form: FormData, names: readonly string[], max: number): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const v = text(form, name, max);
    if (v !== undefined) values[name] = v;
  }
  return values;
}

export function readReceiveForm(form: FormData): ReadForm {
  const lines: { returnLineId: string | undefined; receivedQuantity: string | undefined; restock: boolean | undefined }[] = [];
  const names = ['returnId'];
  for (let i = 0; i < MAX_FORM_LINES; i++) {
    const id = text(form, `lines.${i}.returnLineId`, 100);
    if (id === undefined) break;
    const restock = text(form, `lines.${i}.restock`, 10);
    lines.push({
      returnLineId: id,
      receivedQuantity: text(form, `lines.${i}.receivedQuantity`, 20),
      restock: restock === 'yes' ? true : restock === 'no' ? false : undefined,
    });
    names.push(`lines.${i}.returnLineId`, `lines.${i}.receivedQuantity`, `lines.${i}.restock`);
  }
  return { raw: { returnId: text(form, 'returnId', 100), lines }, values: valuesOf(form, names, 100) };
}

/** Approve, reject, close, refund and goodwill: a few named text fields, blank optional ones left out. */
export function readTextForm(form: FormData, required: readonly string[], optionalNames: readonly string[], max = 2000): ReadForm {
  const raw: Record<string, unknown> = {};
  for (const name of required) raw[name] = text(form, name, max);
  for (const name of optionalNames) {
    const v = optional(form, name, max);
    if (v !== undefined) raw[name] = v;
  }
  return { raw, values: valuesOf(form, [...required, ...optionalNames], max) };
}
