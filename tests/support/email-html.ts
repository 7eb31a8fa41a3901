/** The HTML's visible words, tags dropped and entities decoded, so tests read like a person would. */
export function visible(html: string): string {
  return (
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      // Last, so an escaped entity (&amp;lt;) stays the text "&lt;" instead of becoming "<".
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
  );
}

/** One tag per line, so a pinned e-mail's snapshot shows a change to one style as a one-line diff. */
export function tagPerLine(html: string): string {
  return `${html.replace(/></g, '>\n<')}\n`;
}
