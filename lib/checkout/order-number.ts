/** Order numbers as shoppers see them: "MN-" and the sequence number (MN-100001). */
const PREFIX = 'MN-';

export function formatOrderNumber(n: number): string {
  return `${PREFIX}${n}`;
}

/** The sequence number in "MN-100001" (spaces and case forgiven), or null for anything else. */
export function parseOrderNumber(input: string): number | null {
  const m = /^\s*MN-?(\d{6,9})\s*$/i.exec(input);
  return m ? Number(m[1]) : null;
}
