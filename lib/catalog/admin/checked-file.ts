import { randomUUID } from 'node:crypto';
import type { Db } from '../../db';
import type { StaffActor } from '../../auth/permissions';

/** How long a checked file waits for its "Import" before it must be chosen again. */
export const CHECKED_FILE_HOURS = 24;

const oldest = (now: Date) => new Date(now.getTime() - CHECKED_FILE_HOURS * 3_600_000);

/**
 * Keeps a catalog CSV that passed its check so that "Import" needs no second upload, and returns
 * the key the form carries instead of the file. One per staff member: keeping another replaces
 * it (one upsert on the unique staff id, so two tabs checking at once leave exactly one), and
 * files past their day are cleared on the way.
 */
export async function keepCheckedFile(db: Db, actor: StaffActor, name: string, content: string, now = new Date()): Promise<string> {
  const id = randomUUID();
  await db.catalogImportFile.deleteMany({ where: { createdAt: { lt: oldest(now) } } });
  await db.catalogImportFile.upsert({
    where: { staffUserId: actor.id },
    create: { id, staffUserId: actor.id, name, content, createdAt: now },
    update: { id, name, content, createdAt: now },
  });
  return id;
}

/** The checked file with this key, if it is this staff member's and not past its day; null otherwise. */
export async function findCheckedFile(db: Db, actor: StaffActor, id: string, now = new Date()): Promise<{ name: string; content: string } | null> {
  return db.catalogImportFile.findFirst({
    where: { id, staffUserId: actor.id, createdAt: { gte: oldest(now) } },
    select: { name: true, content: true },
  });
}

/** Forgets the checked file once it is imported (only this key: a newer check is kept). */
export async function dropCheckedFile(db: Db, actor: StaffActor, id: string): Promise<void> {
  await db.catalogImportFile.deleteMany({ where: { id, staffUserId: actor.id } });
}
