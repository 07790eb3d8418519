/**
 * Wraps text into lines of at most `width` characters, each after `indent`;
 * a word longer than the width (a URL) keeps a line of its own, unbroken.
 */
export function wrap(text: string, width: number, indent: string): string[] {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = '';

  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= room) line = `${line} ${word}`;
    else {
      lines.push(`${indent}${line}`);
      line = word;
    }
  }
  if (line !== '') lines.push(`${indent}${line}`);
  return lines;
}
