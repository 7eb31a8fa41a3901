/**
 * Whether an error means the database cannot be reached right now — refused, reset, timed out, the
 * server shutting down — as opposed to a bug or a refused query. Callers answer such errors with 503
 * and a sentence ("try again in a minute") instead of a 500, and change nothing: the write never
 * reached the database, or its transaction was rolled back with the connection.
 * Read from Prisma's error codes and, through the adapter, from the driver's (node-postgres, the
 * socket, PostgreSQL's SQLSTATE class 08 and 57P0x), following `cause`.
 */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const DRIVER_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', '57P01', '57P02', '57P03']);
const DRIVER_MESSAGES = /^(Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error)/;

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const o = e as { name?: unknown; code?: unknown; message?: unknown };
    if (o.name === 'PrismaClientInitializationError') return true;
    if (typeof o.code === 'string' && (PRISMA_CODES.has(o.code) || DRIVER_CODES.has(o.code) || /^08\d{3}$/.test(o.code))) return true;
    if (typeof o.message === 'string' && DRIVER_MESSAGES.test(o.message)) return true;
  }
  return false;
}
