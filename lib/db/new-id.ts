import { randomBytes } from 'node:crypto';

/**
 * An id shaped like the ones Prisma makes for `@default(cuid())` ("c" and 24 lower-case letters and
 * digits: time, a counter, randomness), for rows a bulk load inserts with plain SQL, where Prisma's
 * default does not run. The forms check ids against that shape (lib/catalog/admin/input.ts).
 */
let counter = randomBytes(3).readUIntBE(0, 3);
const COUNTER_SPACE = 36 ** 4;

export function newId(now = Date.now()): string {
  counter = (counter + 1) % COUNTER_SPACE;
  const time = now.toString(36).padStart(8, '0').slice(-8);
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`)
    .toString(36)
    .padStart(12, '0')
    .slice(-12);
  return `c${time}${counter.toString(36).padStart(4, '0')}${random}`;
}
