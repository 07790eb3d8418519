/**
 * Finds where a text stops being JSON, for a message that points at it.
 * V8's `JSON.parse` errors give the position only for some mistakes, so
 * this scans the text again once parsing has failed; it is never on the
 * path of a good capture.
 */

type Stop = { readonly offset: number };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Scanner {
  private offset = 0;

  constructor(private readonly text: string) {}

  /** The offset of the first character that breaks the JSON grammar. */
  firstError(): number {
    try {
      this.value();
      this.skipSpace();
      if (this.offset < this.text.length) this.stop();
      return this.text.length;
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'offset' in error) {
        return (error as Stop).offset;
      }
      throw error;
    }
  }

  private stop(): never {
    throw { offset: this.offset } satisfies Stop;
  }

  private skipSpace(): void {
    while (WHITESPACE.has(this.text.charAt(this.offset))) this.offset++;
  }

  private expect(char: string): void {
    if (this.text.charAt(this.offset) !== char) this.stop();
    this.offset++;
  }

  private value(): void {
    this.skipSpace();
    const char = this.text.charAt(this.offset);
    if (char === '{') this.object();
    else if (char === '[') this.array();
    else if (char === '"') this.string();
    else if (char === 't') this.word('true');
    else if (char === 'f') this.word('false');
    else if (char === 'n') this.word('null');
    else this.number();
  }

  private object(): void {
    this.expect('{');
    this.skipSpace();
    if (this.text.charAt(this.offset) === '}') {
      this.offset++;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.string();
      this.skipSpace();
      this.expect(':');
      this.value();
      this.skipSpace();
      if (this.text.charAt(this.offset) === '}') break;
      this.expect(',');
    }
    this.offset++;
  }

  private array(): void {
    this.expect('[');
    this.skipSpace();
    if (this.text.charAt(this.offset) === ']') {
      this.offset++;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      if (this.text.charAt(this.offset) === ']') break;
      this.expect(',');
    }
    this.offset++;
  }

  private string(): void {
    this.expect('"');
    for (;;) {
      const char = this.text.charAt(this.offset);
      if (char === '' || char < ' ') this.stop();
      this.offset++;
      if (char === '"') return;
      if (char === '\\') this.escape();
    }
  }

  private escape(): void {
    const char = this.text.charAt(this.offset);
    if (ESCAPES.has(char)) {
      this.offset++;
      return;
    }
    if (char !== 'u' || !HEX.test(this.text.slice(this.offset + 1, this.offset + 5))) this.stop();
    this.offset += 5;
  }

  private word(word: string): void {
    for (const char of word) this.expect(char);
  }

  private number(): void {
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.text);
    if (match === null) this.stop();
    this.offset += match[0].length;
  }
}

/** Line and column (both 1-based) of an offset. */
export type TextPosition = {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
};

/**
 * The position of the first JSON syntax error in a text that `JSON.parse`
 * rejected, or null when it cannot be found (nesting too deep to scan).
 */
export function jsonErrorPosition(text: string): TextPosition | null {
  let offset: number;
  try {
    offset = new Scanner(text).firstError();
  } catch {
    return null;
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { offset, line, column };
}
