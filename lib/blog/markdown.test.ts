import { describe, expect, it } from 'vitest';
import { ARTICLE_ID_PREFIX, renderMarkdown } from './markdown';
import { readingMinutes, wordCount } from './reading-time';

describe('renderMarkdown', () => {
  it('strips script, iframe, raw HTML and event handlers', async () => {
    const { html } = await renderMarkdown(
      'Hello <script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>\n\n<img src=x onerror="alert(1)">\n\n<b onclick="x()">bold?</b>',
    );
    expect(html).not.toMatch(/<script|<iframe|onerror|onclick|alert\(1\)<\/script/i);
    expect(html).toContain('Hello');
  });

  it('removes javascript: links and keeps safe ones', async () => {
    const { html } = await renderMarkdown('[bad](javascript:alert(1)) [worse](JAVASCRIPT:alert(1)) [good](https://example.org/x) [local](/blog)');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('href="https://example.org/x"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('href="/blog"');
  });

  it('gives headings stable, readable ids and lists them for the table of contents', async () => {
    const md = '## The Protocol of 1934\n\ntext\n\n### Key dates\n\n## The Protocol of 1934\n';
    const a = await renderMarkdown(md);
    const b = await renderMarkdown(md);
    expect(a.headings).toEqual([
      { depth: 2, id: 'user-content-the-protocol-of-1934', text: 'The Protocol of 1934' },
      { depth: 3, id: 'user-content-key-dates', text: 'Key dates' },
      { depth: 2, id: 'user-content-the-protocol-of-1934-1', text: 'The Protocol of 1934' },
    ]);
    expect(b.headings).toEqual(a.headings);
    expect(a.html).toContain('<h2 id="user-content-the-protocol-of-1934">');
    expect(a.html).toContain('href="#user-content-the-protocol-of-1934"');
  });

  const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
  const fragmentLinks = (html: string) => [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!));

  it('never gives an id the page itself uses: \'## main\' is not id="main"', async () => {
    const { html, headings } = await renderMarkdown('## main\n\ntext\n\n## toc-heading\n\n## Contents\n');
    expect(html).not.toMatch(/\sid="(main|toc-heading|contents)"/);
    expect(html).not.toContain('href="#main"');
    expect(headings.map((h) => h.id)).toEqual(['user-content-main', 'user-content-toc-heading', 'user-content-contents']);
  });

  const withFootnotes = [
    '## The Protocol of 1934',
    '',
    'Signed in Ulaanbaatar[^signed] and kept secret for years[^secret]. See [the dates](#key-dates).',
    '',
    '### Key dates',
    '',
    'Again the signing[^signed], and a note with an odd label[^Note A].',
    '',
    '## main',
    '',
    '[^signed]: On 12 March 1934.',
    '[^secret]: Published much later.',
    '[^Note A]: Labels keep working when they need escaping.',
    '',
  ].join('\n');

  it('prefixes every id, and every same-page link points at an id in the same HTML (footnotes included)', async () => {
    const { html } = await renderMarkdown(withFootnotes);
    const present = ids(html);
    expect(present.length).toBeGreaterThan(8);
    for (const id of present) expect(id.startsWith(ARTICLE_ID_PREFIX)).toBe(true);
    expect(new Set(present).size).toBe(present.length);
    const links = fragmentLinks(html);
    // Each footnote reference (3), each back-reference (3), four heading anchors and the author's own link.
    expect(links.length).toBeGreaterThanOrEqual(11);
    for (const target of links) expect(present).toContain(target);
    expect(html).toContain('href="#user-content-key-dates"');
    // aria-describedby names an id that exists too.
    for (const m of html.matchAll(/aria-describedby="([^"]*)"/g)) expect(present).toContain(m[1]);
  });

  it('lists the headings for the table of contents under the ids the HTML gives them', async () => {
    const { html, headings } = await renderMarkdown(withFootnotes);
    expect(headings.length).toBeGreaterThanOrEqual(3);
    for (const h of headings) {
      expect(html).toMatch(new RegExp(`<h${h.depth}[^>]* id="${h.id}"`));
      expect(fragmentLinks(html)).toContain(h.id);
    }
    expect(headings.slice(0, 3)).toEqual([
      { depth: 2, id: 'user-content-the-protocol-of-1934', text: 'The Protocol of 1934' },
      { depth: 3, id: 'user-content-key-dates', text: 'Key dates' },
      { depth: 2, id: 'user-content-main', text: 'main' },
    ]);
  });

  it('leaves a link that already names a prefixed id alone', async () => {
    const { html } = await renderMarkdown('## Key dates\n\n[back](#user-content-key-dates)\n');
    expect(html).toContain('<a href="#user-content-key-dates">back</a>');
  });

  it('renders tables and lists (GitHub-flavoured Markdown)', async () => {
    const { html } = await renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two');
    expect(html).toContain('<table>');
    expect(html).toContain('<li>one</li>');
  });
});

describe('reading time', () => {
  it('counts words, not markup', () => {
    expect(wordCount('## Title\n\nOne two [three](https://x.org) four.\n\n![alt text](/a.png)')).toBe(5);
  });
  it('is at least a minute and grows with length', () => {
    expect(readingMinutes('short')).toBe(1);
    expect(readingMinutes('word '.repeat(900))).toBe(4);
  });
});
