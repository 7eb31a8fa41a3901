/**
 * Prose for a plain-text e-mail, wrapped at 76 characters (the width plain-text mail is read at): words
 * are kept whole (a link longer than a line gets a line of its own), runs of spaces and line breaks in
 * the prose become one space, and nothing at all gives no lines.
 */
export function wrapText(paragraph: string, width = 76): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}
