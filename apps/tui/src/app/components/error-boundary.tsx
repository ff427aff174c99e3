import { Component, type ReactNode } from 'react';
import { useAppActions } from '../app-context.js';
import { useCapture, useKeymap } from '../hooks/use-keymap.js';
import { ErrorBox } from './error-box.js';

type Props = { readonly children: ReactNode; readonly resetKey: unknown; readonly active: boolean };
type State = { readonly error: unknown; readonly resetKey: unknown };

/**
 * A view that throws while rendering shows its message in place (Ink's own overlay would print
 * a stack); moving to another view (a new `resetKey`) clears it.
 */
export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, resetKey: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey
      ? null
      : { error: undefined, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    if (this.state.error !== undefined) {
      return <CrashedView error={this.state.error} active={this.props.active} />;
    }
    return this.props.children;
  }
}

function CrashedView({ error, active }: { readonly error: unknown; readonly active: boolean }) {
  const actions = useAppActions();
  useCapture(active, false);
  useKeymap([{ keys: ['esc'], label: 'back', footer: true, run: () => actions.pop() }], active);
  return <ErrorBox error={error} hint="Press Esc to go back, q to quit." />;
}
