import type { Capture } from '../../lambda/collect/capture';

/**
 * The text of `JSON.stringify(capture, null, 2)`, a piece at a time: each
 * page of a paged operation on its own, so that a wide account's capture
 * never has to be one string (which Node.js caps at about 500 MB).
 */
export function* captureText(capture: Capture): Generator<string> {
  const parts = Object.entries(capture).filter(([, value]) => value !== undefined);
  if (parts.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (const [index, [key, value]] of parts.entries()) {
    yield `${index > 0 ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      for (const [at, page] of value.entries())
        yield `${at > 0 ? ',' : '['}\n    ${indented(page, 4)}`;
      yield '\n  ]';
    } else {
      yield indented(value, 2);
    }
  }
  yield '\n}';
}

/** A value as `JSON.stringify(value, null, 2)` writes it, nested `depth` spaces in. */
function indented(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${' '.repeat(depth)}`);
}
