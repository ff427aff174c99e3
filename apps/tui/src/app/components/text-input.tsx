import { Text, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { after, editLine, type LineState } from '../model/line-edit.js';

type TextInputProps = {
  readonly defaultValue?: string;
  readonly placeholder?: string;
  readonly onChange?: (value: string) => void;
  readonly onSubmit?: (value: string) => void;
};

/**
 * A one-line text input, as @inkjs/ui's TextInput draws it (inverse cursor, dim placeholder)
 * but editing through {@link editLine}: that one types Ctrl+U or Alt+B as the letter.
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
  const { value, cursor } = state;
  const next = after(value, cursor);
  if (value === '') {
    return (
      <Text>
        <Text inverse>{placeholder.slice(0, 1) || ' '}</Text>
        <Text dimColor>{placeholder.slice(1)}</Text>
      </Text>
    );
  }
  return (
    <Text>
      {value.slice(0, cursor)}
      <Text inverse>{value.slice(cursor, next) || ' '}</Text>
      {value.slice(next)}
    </Text>
  );
}
