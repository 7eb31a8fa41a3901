import type { z } from 'zod';

/** A request the shop refuses, with a status and a message meant for a person. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export const MAX_BODY_BYTES = 10 * 1024;

/**
 * Reads a body of at most `maxBytes` and parses it with `schema`: JSON by default, or an HTML
 * form (application/x-www-form-urlencoded) where the endpoint is a form's action. Throws
 * RequestError (413 too large, 415 wrong type, 400 malformed or invalid) before anything is changed.
 */
export async function parseBody<T>(req: Request, schema: z.ZodType<T>, maxBytes = MAX_BODY_BYTES, accepts: 'json' | 'form' = 'json'): Promise<T> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new RequestError(413, 'That request is too large.');
  const text = await readLimited(req, maxBytes);
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let data: unknown;
  if (accepts === 'json' && (type === 'application/json' || type === '')) {
    try {
      data = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new RequestError(400, 'The request could not be read.');
    }
  } else if (accepts === 'form' && type === 'application/x-www-form-urlencoded') {
    data = Object.fromEntries(new URLSearchParams(text));
  } else {
    throw new RequestError(415, accepts === 'json' ? 'Send the request as JSON.' : 'Send the request as a form.');
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new RequestError(400, result.error.issues[0]?.message ?? 'The request is not valid.');
  return result.data;
}

// Counts the bytes actually received, so a missing or lying Content-Length cannot get past the limit.
export async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new RequestError(413, 'That request is too large.');
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
