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
