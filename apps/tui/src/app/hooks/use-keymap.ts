import { type Key, useInput } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { type KeyHelp, useAppActions } from '../app-context.js';

/** A key of a view: `keys` are names from {@link keyName}; `write` keys obey read-only. */
export type Binding = {
  readonly keys: readonly string[];
  readonly label: string;
  readonly run: () => void;
  readonly write?: boolean;
  /** Listed in the footer (all bindings are listed by `?`). */
  readonly footer?: boolean;
};

/** Names a key press: printable input as typed (`j`, `G`, `/`), others by name. */
export function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl) return `ctrl+${input}`;
  if (input === ' ') return 'space';
  return input;
}

/**
 * Handles a view's keys while it is active and publishes them to the footer and help overlay.
 * Write keys on a read-only connection say why they do nothing instead of running.
 */
export function useKeymap(bindings: readonly Binding[], active: boolean): void {
  const actions = useAppActions();
  const current = useRef(bindings);
  current.current = bindings;
  const signature = bindings
    .map((b) => `${b.keys.join(',')}:${b.label}:${b.write === true}`)
    .join('|');
  const help = useMemo<KeyHelp[]>(
    () =>
      current.current.map((b) => ({
        keys: b.keys,
        label: b.label,
        write: b.write === true,
        footer: b.footer === true,
      })),
    [signature],
  );
  useEffect(() => {
    if (active) actions.setKeyHelp(help);
  }, [active, help, actions]);
  useInput(
    (input, key) => {
      const name = keyName(input, key);
      const binding = current.current.find((b) => b.keys.includes(name));
      if (binding === undefined) return;
      if (binding.write === true && actions.connection.readOnly) {
        actions.flash(
          `Read-only: "${binding.label}" is disabled because this connection is read-only.`,
          'warning',
        );
        return;
      }
      binding.run();
    },
    { isActive: active },
  );
}

/** Marks the active view as taking every key (a text input is focused), or not. */
export function useCapture(active: boolean, capture: boolean): void {
  const actions = useAppActions();
  useEffect(() => {
    if (active) actions.setCapture(capture);
  }, [active, capture, actions]);
}
