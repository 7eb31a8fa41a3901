import { staffOrResponse } from '@/lib/auth/server';
import { db } from '@/lib/db';
import { methodNotAllowed } from '@/lib/http/methods';
import { returnPhotoKey } from '@/lib/returns/staff-view';
import { mediaStorage } from '@/lib/media/storage';

const PRIVATE = { 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' } as const;

/**
 * A customer's photo of a return, for staff only: the public /media route never serves the
 * returns/ folder. Checks the caller itself, then that the photo belongs to this return; anything
 * else is the same 404, so the address says nothing about which photos exist.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; photoId: string }> }) {
  const actor = await staffOrResponse('manageOrders');
  if (actor instanceof Response) return actor;
  const { id, photoId } = await params;
  const key = await returnPhotoKey(db(), id, photoId);
  const data = key ? await mediaStorage().read(key) : null;
  if (!data) return new Response('Not found', { status: 404, headers: { ...PRIVATE, 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(data), { headers: { ...PRIVATE, 'content-type': 'image/webp' } });
}

const refuse = methodNotAllowed('GET, HEAD');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
