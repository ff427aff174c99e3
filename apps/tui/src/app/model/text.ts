/** Cuts or pads `text` to exactly `width` columns, marking a cut with an ellipsis. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
  return text.padEnd(width);
}

/** Right-aligned variant of {@link fit}, for amounts. */
export function fitRight(text: string, width: number): string {
  if (text.length > width) return fit(text, width);
  return text.padStart(width);
}
