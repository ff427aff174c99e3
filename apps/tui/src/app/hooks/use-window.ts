import { useRef } from 'react';

/**
 * First visible index of a list `count` long shown `visible` at a time, moved only as far as
 * needed to keep `cursor` on screen (so the view does not jump on every move).
 */
export function useWindow(cursor: number, count: number, visible: number): number {
  const offset = useRef(0);
  const size = Math.max(1, visible);
  let next = offset.current;
  if (cursor < next) next = cursor;
  if (cursor >= next + size) next = cursor - size + 1;
  next = Math.max(0, Math.min(next, Math.max(0, count - size)));
  offset.current = next;
  return next;
}
