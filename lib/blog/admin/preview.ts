import { renderMarkdown } from '../markdown';
import { MAX_BODY_BYTES } from './input';

/**
 * The article body as the journal will show it: the journal's own renderer (remark/rehype, raw HTML
 * dropped, sanitised). Input past the body's limit is cut first, so a preview never costs more than
 * a save could; anything that is not text previews as nothing.
 */
export async function previewArticleBody(markdown: unknown): Promise<string> {
  if (typeof markdown !== 'string') return '';
  return (await renderMarkdown(markdown.slice(0, MAX_BODY_BYTES))).html;
}
