import type { AmberfloClient } from '@amberkit/core/client';
import { createContext, useContext } from 'react';
import type { Connection } from '../config/index.js';
import type { View } from './hooks/use-view-stack.js';

export type FlashTone = 'info' | 'success' | 'warning';

/** What a key does, as shown by the footer and the `?` overlay. */
export type KeyHelp = {
  readonly keys: readonly string[];
  readonly label: string;
  readonly write: boolean;
  readonly footer: boolean;
};

/**
 * Stable services every view uses. Kept apart from changing state (the revision) so a flash
 * message or a help update never re-renders the views.
 */
export type AppActions = {
  readonly client: AmberfloClient;
  readonly connection: Connection;
  push(view: View): void;
  pop(count?: number): void;
  reset(views: readonly View[]): void;
  flash(text: string, tone?: FlashTone): void;
  /** Tells every loaded view that data changed (after a successful write). */
  invalidate(): void;
  /** The active view takes all keys (a text input has focus): q, :, ? and Esc are its own. */
  setCapture(capture: boolean): void;
  setKeyHelp(help: readonly KeyHelp[]): void;
  /** The lines the active view needs below the chrome (see {@link useBodyNeed}). */
  setBodyNeed(lines: number): void;
  /** Writes raw bytes to the terminal (OSC 52). */
  writeRaw(data: string): void;
};

/** A view needs its title and one line under it; less and it can only say it is too small. */
export const MIN_BODY_LINES = 2;

export const AppActionsContext = createContext<AppActions | null>(null);

/**
 * Whether the terminal shows styles (colour, inverse, dim). Off (NO_COLOR, FORCE_COLOR=0, a
 * dumb terminal), what styles alone would mark is drawn with characters instead: a text
 * field's cursor and placeholder.
 */
export const StylesContext = createContext(true);
export const RevisionContext = createContext(0);

export function useAppActions(): AppActions {
  const actions = useContext(AppActionsContext);
  if (actions === null) throw new Error('useAppActions outside <App>');
  return actions;
}

export function useRevision(): number {
  return useContext(RevisionContext);
}
