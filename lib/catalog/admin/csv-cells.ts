/**
 * Spreadsheet formula injection: a cell that starts with = + - @ (or a tab or carriage return) is
 * run as a formula by Excel, Numbers and Google Sheets when the file is opened. The export writes
 * such a cell with a leading apostrophe (shown as text, not run); the import takes exactly that
 * apostrophe off again, so an exported file imports back unchanged.
 */
// Apostrophes already in front count too, so the mark added is always the one taken off.
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unprotectCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}
