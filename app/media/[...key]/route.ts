import { isPublicMediaKey, mediaStorage } from '@/lib/media/storage';
import { methodNotAllowed } from '@/lib/http/methods';

/** Uploaded images (lib/media/storage.ts). Keys are content hashes, so a file never changes: cached for a year. */
export async function GET(_req: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join('/');
  const data = isPublicMediaKey(key) ? await mediaStorage().read(key) : null;
  if (!data) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  return new Response(new Uint8Array(data), {
    headers: { 'content-type': 'image/webp', 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
  });
}

const refuse = methodNotAllowed('GET, HEAD');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
