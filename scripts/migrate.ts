/** Applies pending migrations to the database DATABASE_URL names (embedded PGlite by default). */
import { createDb } from '../lib/db';
import { applyMigrations } from '../lib/db/migrator';

const handle = createDb();
try {
  const applied = await applyMigrations(handle.factory);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await handle.close();
}
