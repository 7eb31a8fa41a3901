import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface Heading {
  depth: 2 | 3;
  id: string;
  text: string;
}

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
}

// GitHub's sanitising rules, less what long-form articles never need.
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['input', 'details', 'summary'].includes(t)),
};

/** Collects h2/h3 (after ids are given) for the table of contents. */
function collectHeadings(into: Heading[]) {
  return () => (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if ((node.tagName === 'h2' || node.tagName === 'h3') && typeof node.properties.id === 'string') {
        into.push({ depth: node.tagName === 'h2' ? 2 : 3, id: node.properties.id, text: toString(node).trim() });
      }
    });
  };
}

/**
 * Markdown to safe HTML. Raw HTML in the source is dropped (remark-rehype without
 * allowDangerousHtml), then rehype-sanitize removes anything unsafe that Markdown itself can
 * express (javascript: links, event handlers). Only after that do trusted plugins add heading
 * ids, anchor links and rel attributes, so ids stay stable and readable.
 */
export async function renderMarkdown(markdown: string): Promise<RenderedMarkdown> {
  const headings: Heading[] = [];
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSanitize, schema)
    .use(rehypeSlug)
    .use(rehypeAutolinkHeadings, {
      behavior: 'append',
      properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
      content: { type: 'text', value: '#' },
    })
    .use(collectHeadings(headings))
    .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] })
    .use(rehypeStringify)
    .process(markdown);
  // The anchor's "#" is not part of the heading's name.
  return { html: String(file), headings: headings.map((h) => ({ ...h, text: h.text.replace(/#$/, '').trim() })) };
}
