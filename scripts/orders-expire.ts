/**
 * `npm run orders:expire`: unpaid orders past their hold become expired and their stock comes
 * back. Safe to run from several machines at once (each order is expired by one conditional UPDATE).
 * A scheduler can call it every minute; placement also does it lazily.
 */
import { createDb } from '../lib/db';
import { expireDueOrders } from '../lib/checkout/transitions';

const handle = createDb();
try {
  const n = await handle.prisma.$transaction((tx) => expireDueOrders(tx, new Date()));
  console.log(n === 0 ? 'no unpaid order is past its hold' : `${n} unpaid ${n === 1 ? 'order' : 'orders'} expired; stock released`);
} finally {
  await handle.close();
}
