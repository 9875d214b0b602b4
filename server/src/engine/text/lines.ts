import type { Position, Range, Span } from '../types';

/** Offsets at which each line starts; a line ends at "\n" ("\r\n" and lone "\r" too). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the line holding `offset` (binary search). */
export function lineOfOffset(lineStarts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function positionAt(lineStarts: ArrayLike<number>, offset: number): Position {
  const line = lineOfOffset(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

export function offsetAt(lineStarts: readonly number[], position: Position, length: number): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return length;
  const lineEnd = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : length;
  return Math.max(lineStarts[position.line], Math.min(lineStarts[position.line] + position.character, lineEnd));
}

export function rangeOf(lineStarts: ArrayLike<number>, span: Span): Range {
  return { start: positionAt(lineStarts, span.start), end: positionAt(lineStarts, span.end) };
}
