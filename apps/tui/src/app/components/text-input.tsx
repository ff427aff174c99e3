import { Text, useInput } from 'ink';
import { useContext, useEffect, useRef, useState } from 'react';
import { StylesContext } from '../app-context.js';
import { inputSegments } from '../model/input-segments.js';
import { after, editLine, type LineState } from '../model/line-edit.js';

type TextInputProps = {
  readonly defaultValue?: string;
  readonly placeholder?: string;
  readonly onChange?: (value: string) => void;
  readonly onSubmit?: (value: string) => void;
};

/**
 * A one-line text input, as @inkjs/ui's TextInput draws it (inverse cursor, dim placeholder)
 * but editing through {@link editLine}: that one types Ctrl+U or Alt+B as the letter. Without
 * styles (NO_COLOR) the cursor and the placeholder are drawn as characters ({@link inputSegments}).
 */
export function TextInput({
  defaultValue = '',
  placeholder = '',
  onChange,
  onSubmit,
}: TextInputProps) {
  const [state, setState] = useState<LineState>(() => ({
    value: defaultValue,
    cursor: defaultValue.length,
  }));
  const shown = useRef(state.value);
  useEffect(() => {
    if (state.value === shown.current) return;
    shown.current = state.value;
    onChange?.(state.value);
  }, [state.value, onChange]);
  useInput((input, key) => {
    if (key.return) onSubmit?.(state.value);
    else setState((current) => editLine(current, input, key));
  });
  const styled = useContext(StylesContext);
  const { value, cursor } = state;
  const segments = inputSegments(value, cursor, after(value, cursor), placeholder, styled);
  return (
    <Text>
      {segments.map(({ kind, text }, index) => (
        // The runs are fixed in number and order: their index is their identity.
        <Text key={index} inverse={kind === 'cursor'} dimColor={kind === 'placeholder'}>
          {text}
        </Text>
      ))}
    </Text>
  );
}
