import type { Db } from '@/lib/db';
import type { StaffActor } from '@/lib/auth/permissions';
import type { StaffRole } from '@/lib/auth/roles';

let n = 0;

/** A staff account straight in the database (no password: for tests of lib/ functions that take an actor). */
export async function makeActor(db: Db, role: StaffRole): Promise<StaffActor> {
  n += 1;
  const u = await db.staffUser.create({ data: { email: `${role}-${n}-${Date.now()}@example.com`, name: `${role} ${n}`, role } });
  return { id: u.id, email: u.email, name: u.name, role };
}
