import { displayWidth, padEndColumns, padStartColumns, sliceColumns } from './display-width.js';

/**
 * Cuts or pads `text` to exactly `width` terminal columns, marking a cut with an ellipsis. A
 * wide character that would straddle the cut is dropped whole and a space keeps the width.
 */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) > width) return padEndColumns(`${sliceColumns(text, width - 1)}…`, width);
  return padEndColumns(text, width);
}

/** Right-aligned variant of {@link fit}, for amounts. */
export function fitRight(text: string, width: number): string {
  if (displayWidth(text) > width) return fit(text, width);
  return padStartColumns(text, width);
}
