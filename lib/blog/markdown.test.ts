import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';
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
      { depth: 2, id: 'the-protocol-of-1934', text: 'The Protocol of 1934' },
      { depth: 3, id: 'key-dates', text: 'Key dates' },
      { depth: 2, id: 'the-protocol-of-1934-1', text: 'The Protocol of 1934' },
    ]);
    expect(b.headings).toEqual(a.headings);
    expect(a.html).toContain('<h2 id="the-protocol-of-1934">');
    expect(a.html).toContain('href="#the-protocol-of-1934"');
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
