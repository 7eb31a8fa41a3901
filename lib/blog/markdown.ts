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

/**
 * The prefix of every id in article HTML. The sanitiser puts it before each id (and the
 * aria-describedby/-labelledby that name them) so an article can never clobber a global or
 * reuse an id of the page around it (`## main` must not become the skip link's `#main`);
 * heading ids, given after sanitising, get the same prefix.
 */
export const ARTICLE_ID_PREFIX = 'user-content-';

// GitHub's sanitising rules, less what long-form articles never need.
const schema = {
  ...defaultSchema,
  clobberPrefix: ARTICLE_ID_PREFIX,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['input', 'details', 'summary'].includes(t)),
};

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Same-page links (`#…`: footnote references and back-references, links an author wrote to a
 * heading) point at the prefixed ids. A fragment that already names an id in the article (one
 * copied from the page's address, or an anchor added after sanitising) is left as it is.
 */
function prefixFragmentLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return;
      const fragment = href.slice(1);
      const exists = (id: string) => ids.has(id) || ids.has(decodeFragment(id));
      if (exists(fragment) && !exists(ARTICLE_ID_PREFIX + fragment)) return;
      node.properties.href = `#${ARTICLE_ID_PREFIX}${fragment}`;
    });
  };
}

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
    // Footnote ids and links come out unprefixed: the sanitiser prefixes the ids (once), and
    // prefixFragmentLinks the links to them.
    .use(remarkRehype, { clobberPrefix: '' })
    .use(rehypeSanitize, schema)
    .use(rehypeSlug, { prefix: ARTICLE_ID_PREFIX })
    .use(rehypeAutolinkHeadings, {
      behavior: 'append',
      properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
      content: { type: 'text', value: '#' },
    })
    .use(prefixFragmentLinks)
    .use(collectHeadings(headings))
    .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] })
    .use(rehypeStringify)
    .process(markdown);
  // The anchor's "#" is not part of the heading's name.
  return { html: String(file), headings: headings.map((h) => ({ ...h, text: h.text.replace(/#$/, '').trim() })) };
}
