import { removeLine, setLineQuantity } from '@/lib/cart/cart';
import { cartWrite, errorResponse } from '@/lib/cart/http';
import { setQuantitySchema, variantIdSchema } from '@/lib/cart/input';
import { cartSettings } from '@/lib/cart/settings';
import { db } from '@/lib/db';
import { RequestError } from '@/lib/http/json-body';

type Ctx = { params: Promise<{ variantId: string }> };

async function variantIdOf(ctx: Ctx): Promise<string> {
  const parsed = variantIdSchema.safeParse((await ctx.params).variantId);
  if (!parsed.success) throw new RequestError(400, parsed.error.issues[0]!.message);
  return parsed.data;
}

/** Change a line's quantity: { quantity }. */
export async function PATCH(req: Request, ctx: Ctx) {
  const settings = cartSettings();
  let variantId: string;
  try {
    variantId = await variantIdOf(ctx);
  } catch (err) {
    return errorResponse(err);
  }
  return cartWrite(req, setQuantitySchema(settings.maxPerLine), settings.ttlDays, (token, input) =>
    setLineQuantity(db(), token, { variantId, quantity: input.quantity }, settings),
  );
}

/** Remove a line. */
export async function DELETE(req: Request, ctx: Ctx) {
  const settings = cartSettings();
  let variantId: string;
  try {
    variantId = await variantIdOf(ctx);
  } catch (err) {
    return errorResponse(err);
  }
  return cartWrite(req, null, settings.ttlDays, (token) => removeLine(db(), token, variantId, settings));
}
