import { staffOrResponse } from '@/lib/auth/server';
import { ProductError } from '@/lib/catalog/admin/errors';
import { addProductImage } from '@/lib/catalog/admin/images';
import { methodNotAllowed } from '@/lib/http/methods';
import { imageUploadRoute } from '@/lib/media/upload-route';

/** Image upload for a product (lib/media/upload-route.ts): a multipart form, answered with a redirect back to the product's page. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const actor = await staffOrResponse('manageCatalog');
  if (actor instanceof Response) return actor;
  return upload(actor, req, ctx);
}

const upload = imageUploadRoute({
  noun: 'product',
  back: (id) => ({ path: `/admin/products/${id}`, key: 'image', anchor: 'images' }),
  save: (db, storage, actor, input) => addProductImage(db, storage, actor, { productId: input.id, bytes: input.bytes, alt: input.alt }),
  refusal: (e) => (e instanceof ProductError ? e.kind : null),
});

const refuse = methodNotAllowed('POST');
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
