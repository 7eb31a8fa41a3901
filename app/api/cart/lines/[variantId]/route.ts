import { methodNotAllowed } from '@/lib/http/methods';
import { removeLine, setLineQuantity } from '@/lib/cart/cart';
import { cartWrite, errorResponse } from '@/lib/cart/http';
import { setQuantitySchema, variantIdSchema } from '@/lib/cart/input';
import { cartSettings } from '@/lib/cart/settings';
import { db } from '@/lib/db';
import { RequestError } from '@/lib/http/json-body';

type Ctx = { params: Promise<{ variantId: string }> };

/** Parses the variant id in the path (400 when malformed) before the body is even read. */
async function withVariantId(ctx: Ctx, run: (variantId: string) => Promise<Response>): Promise<Response> {
  const parsed = variantIdSchema.safeParse((await ctx.params).variantId);
  if (!parsed.success) return errorResponse(new RequestError(400, parsed.error.issues[0]!.message));
  return run(parsed.data);
}

/** Change a line's quantity: { quantity }. */
export function PATCH(req: Request, ctx: Ctx) {
  const settings = cartSettings();
  return withVariantId(ctx, (variantId) =>
    cartWrite(req, setQuantitySchema(settings.maxPerLine), settings.ttlDays, (token, input) =>
      setLineQuantity(db(), token, { variantId, quantity: input.quantity }, settings),
    ),
  );
}

/** Remove a line. */
export function DELETE(req: Request, ctx: Ctx) {
  const settings = cartSettings();
  return withVariantId(ctx, (variantId) => cartWrite(req, null, settings.ttlDays, (token) => removeLine(db(), token, variantId, settings)));
}

const refuse = methodNotAllowed('PATCH, DELETE');
export { refuse as GET, refuse as POST, refuse as PUT };
