import { Box, Text } from 'ink';
import { useState } from 'react';
import { type Binding, useCapture, useKeymap } from '../hooks/use-keymap.js';
import { useWindow } from '../hooks/use-window.js';
import type { FieldErrors, FieldUpdate, FormValues } from '../model/form-values.js';
import { FieldLine, type FieldSpec } from './form-fields.js';

type FormProps = {
  readonly fields: readonly FieldSpec[];
  readonly values: FormValues;
  readonly errors: FieldErrors;
  /** A value, or a function of the current one (keys of a burst must not see stale values). */
  readonly onChange: (key: string, value: FieldUpdate) => void;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
  /** Something was changed: Esc asks before dropping it. */
  readonly dirty: boolean;
  readonly submitLabel: string;
  readonly active: boolean;
  readonly height: number;
};

type Line = { readonly field: number; readonly error?: string };

/**
 * A keyboard form: ↑/↓ or Tab move between fields, Enter moves on (and submits on the button),
 * Esc cancels. Values live in the parent so nothing typed is lost when a save fails. Only the
 * lines around the focused field are rendered when the form is taller than the screen.
 */
export function Form(props: FormProps) {
  const { fields, values, errors, onChange, active, height } = props;
  const [focus, setFocus] = useState(0);
  // Esc on a changed form asks first (lazygit, gh): a stray Esc must not drop typed work.
  const [asking, setAsking] = useState(false);
  const last = fields.length; // the submit button
  const focused = Math.min(focus, last);
  const field = fields[focused];
  // Only a focused text input takes every key; on a choice, a checkbox or the button, the
  // global keys (q, ?, :) still work.
  useCapture(active, !asking && field?.kind === 'text' && field.readOnly !== true);

  // Functional update: keys of one burst reach the handler before React re-renders it.
  const move = (delta: number) =>
    setFocus((current) => Math.max(0, Math.min(last, Math.min(current, last) + delta)));
  const cycle = (delta: number) => {
    if (field?.kind === 'checkbox') onChange(field.key, (current) => current !== true);
    if (field?.kind === 'choice') {
      const { options } = field;
      onChange(field.key, (current) => {
        const index = options.findIndex((option) => option.value === current);
        return options[(index + delta + options.length) % options.length]?.value ?? '';
      });
    }
  };
  const bindings: Binding[] = [
    {
      keys: ['enter'],
      label: focused === last ? props.submitLabel : 'next field',
      footer: true,
      run: () => (focused === last ? props.onSubmit() : move(1)),
    },
    { keys: ['down', 'tab'], label: 'next field', run: () => move(1) },
    { keys: ['up', 'shift+tab'], label: 'previous field', run: () => move(-1) },
    {
      keys: ['esc'],
      label: 'cancel',
      footer: true,
      run: () => (props.dirty ? setAsking(true) : props.onCancel()),
    },
  ];
  if (field !== undefined && field.kind !== 'text') {
    bindings.push(
      {
        keys: ['right', 'space'],
        label: field.kind === 'choice' ? 'next option' : 'toggle',
        footer: true,
        run: () => cycle(1),
      },
      { keys: ['left'], label: 'previous option', run: () => cycle(-1) },
    );
  }
  const askBindings: Binding[] = [
    { keys: ['y', 'Y'], label: 'discard the changes', footer: true, run: props.onCancel },
    {
      keys: ['n', 'N', 'esc', 'enter'],
      label: 'keep editing',
      footer: true,
      run: () => setAsking(false),
    },
  ];
  useKeymap(asking ? askBindings : bindings, active);

  const lines: Line[] = [];
  let cursorLine = 0;
  fields.forEach((spec, index) => {
    lines.push({ field: index });
    const error = errors[spec.key];
    if (error !== undefined) lines.push({ field: index, error });
    if (index === focused) cursorLine = lines.length - 1;
  });
  lines.push({ field: last });
  if (focused === last) cursorLine = lines.length - 1;
  // The question takes the last line while it is asked.
  const room = asking ? Math.max(0, height - 1) : height;
  const offset = useWindow(cursorLine, lines.length, Math.max(1, room));

  return (
    // As tall as its lines (up to `height`), so what follows the form (errors) sits under it.
    <Box
      flexDirection="column"
      height={Math.min(height, lines.length + (asking ? 1 : 0))}
      overflowY="hidden"
    >
      {lines.slice(offset, offset + room).map((line) => {
        const spec = fields[line.field];
        if (line.error !== undefined) {
          return (
            <Text key={`${spec?.key}:error`} color="red" wrap="truncate">
              {'    ✗ '}
              {line.error}
            </Text>
          );
        }
        if (spec === undefined) {
          return (
            <Text
              key="submit"
              color={focused === last ? 'cyan' : undefined}
              bold={focused === last}
              inverse={focused === last}
            >
              {focused === last ? '> ' : '  '}[ {props.submitLabel} ]
            </Text>
          );
        }
        return (
          <FieldLine
            key={spec.key}
            field={spec}
            value={values[spec.key]}
            focused={active && !asking && line.field === focused}
            onText={onChange}
          />
        );
      })}
      {asking ? (
        <Text color="yellow" bold wrap="truncate">
          Discard changes? y/N
        </Text>
      ) : null}
    </Box>
  );
}
