/**
 * How deep a JSON text nests, measured in one pass over its bytes with an explicit stack and no
 * recursion, before any parser sees it: Khronos' validator recurses over the JSON, and a 20 kB file
 * nested 10,000 deep overflowed its stack. Only nesting is measured; whether the text is valid JSON
 * is for JSON.parse to say afterwards.
 */

export interface TooDeep {
  /** Where the limit is passed, in the form of the other issues' pointers: "nodes[0].extras.a.a". */
  pointer: string;
}

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

interface Frame {
  array: boolean;
  /** The array index, or the object key's bytes (start and end offsets) once read. */
  index: number;
  keyStart: number;
  keyEnd: number;
  expectKey: boolean;
}

/** Segments of the pointer shown before it is cut short: enough to find the place in a file. */
const SHOWN_SEGMENTS = 8;

/** The first place where `bytes` nests deeper than `maxDepth` objects and arrays, or undefined. */
export function findTooDeep(bytes: Uint8Array, maxDepth: number): TooDeep | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) {
      const start = i + 1;
      for (i = start; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
      const top = stack[stack.length - 1];
      if (top && !top.array && top.expectKey) [top.keyStart, top.keyEnd, top.expectKey] = [start, i, false];
    } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (stack.length >= maxDepth) return { pointer: pointerOf(bytes, stack) };
      stack.push({ array: b === OPEN_ARRAY, index: 0, keyStart: 0, keyEnd: -1, expectKey: b === OPEN_OBJECT });
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      stack.pop();
    } else if (b === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
    }
  }
  return undefined;
}

function pointerOf(bytes: Uint8Array, stack: Frame[]): string {
  const decoder = new TextDecoder();
  const segment = (f: Frame) => (f.array ? `[${f.index}]` : f.keyEnd >= 0 ? `.${decoder.decode(bytes.subarray(f.keyStart, f.keyEnd))}` : '');
  const shown = stack.slice(0, SHOWN_SEGMENTS).map(segment).join('').replace(/^\./, '');
  return stack.length > SHOWN_SEGMENTS ? `${shown}…` : shown || '(the top level)';
}
