/** How staff pages write a moment: "27 Nov 2026, 15:04" (UTC), and `staffAt` with " UTC" after it. One formatter for every staff page. */
export const staffWhen = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function staffAt(moment: string | Date): string {
  return `${staffWhen.format(new Date(moment))} UTC`;
}
