import type { z } from 'zod';

/** A demo-content file that cannot be loaded: names the file and the field at fault. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field ? `${field} ` : ''}${detail}`);
    this.name = 'ContentError';
  }
}

/** Validates parsed content with a schema; the first problem becomes a ContentError naming file and field. */
export function parseContent<T>(file: string, data: unknown, schema: z.ZodType<T>): T {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ContentError(file, issue.path.join('.'), issue.message);
  }
  return result.data;
}
