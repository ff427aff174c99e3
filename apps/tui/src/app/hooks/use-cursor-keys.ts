import { useState } from 'react';
import type { Binding } from './use-keymap.js';

/**
 * A cursor over `count` items with the list keys (↑/↓ j/k, g/G, PgUp/PgDn) as bindings.
 * The cursor is clamped on read so a shorter list (a filter, a refresh) never points past it.
 */
export function useCursorKeys(
  count: number,
  page: number,
): { cursor: number; setCursor(n: number): void; bindings: Binding[] } {
  const [raw, setCursor] = useState(0);
  const cursor = Math.max(0, Math.min(raw, count - 1));
  const clamp = (n: number) => Math.max(0, Math.min(n, count - 1));
  // Functional updates: keys of one burst reach handlers before React re-renders them.
  const by = (delta: number) => () => setCursor((current) => clamp(clamp(current) + delta));
  const to = (n: number) => () => setCursor(clamp(n));
  const step = Math.max(1, page);
  return {
    cursor,
    setCursor,
    bindings: [
      { keys: ['down', 'j'], label: 'down', run: by(1) },
      { keys: ['up', 'k'], label: 'up', run: by(-1) },
      { keys: ['g', 'home'], label: 'top', run: to(0) },
      { keys: ['G', 'end'], label: 'bottom', run: to(count - 1) },
      { keys: ['pgdn', 'ctrl+d'], label: 'page down', run: by(step) },
      { keys: ['pgup', 'ctrl+u'], label: 'page up', run: by(-step) },
    ],
  };
}
