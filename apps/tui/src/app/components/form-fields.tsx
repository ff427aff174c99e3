import { Box, Text } from 'ink';
import { memo, useCallback } from 'react';
import { safeText } from '../../model/safe-text.js';
import { TextInput } from './text-input.js';

export type ChoiceOption = { readonly value: string; readonly label: string };

/** A field of a {@link Form}; every field takes exactly one line (plus one for its error). */
export type FieldSpec =
  | {
      readonly kind: 'text';
      readonly key: string;
      readonly label: string;
      readonly placeholder?: string;
      readonly readOnly?: boolean;
    }
  | {
      readonly kind: 'choice';
      readonly key: string;
      readonly label: string;
      readonly options: readonly ChoiceOption[];
    }
  | { readonly kind: 'checkbox'; readonly key: string; readonly label: string };

export const LABEL_WIDTH = 24;

type FieldLineProps = {
  readonly field: FieldSpec;
  readonly value: string | boolean | undefined;
  readonly focused: boolean;
  readonly onText: (key: string, value: string) => void;
};

function Label({ label, focused }: { readonly label: string; readonly focused: boolean }) {
  return (
    <Box width={LABEL_WIDTH} flexShrink={0}>
      <Text color={focused ? 'cyan' : undefined} bold={focused} wrap="truncate">
        {focused ? '> ' : '  '}
        {label}
      </Text>
    </Box>
  );
}

/** Text through our TextInput while focused (it swallows every key, q included). */
function TextValue({
  field,
  value,
  focused,
  onText,
}: FieldLineProps & { readonly field: { key: string; placeholder?: string; readOnly?: boolean } }) {
  const text = typeof value === 'string' ? value : '';
  const key = field.key;
  const onChange = useCallback((next: string) => onText(key, next), [onText, key]);
  if (focused && field.readOnly !== true) {
    return (
      <TextInput
        key={field.key}
        defaultValue={text}
        placeholder={field.placeholder ?? ''}
        onChange={onChange}
      />
    );
  }
  // Placeholders only while focused: without colour a placeholder would read as a value.
  if (text === '') return <Text> </Text>;
  return <Text dimColor={field.readOnly === true}>{safeText(text)}</Text>;
}

function ChoiceValue({
  options,
  value,
  focused,
}: {
  readonly options: readonly ChoiceOption[];
  readonly value: string;
  readonly focused: boolean;
}) {
  return (
    <Text wrap="truncate">
      {options.map((option) => {
        const selected = option.value === value;
        return (
          <Text
            key={option.value}
            color={selected ? 'green' : undefined}
            bold={selected}
            dimColor={!selected}
          >
            {selected ? `[${option.label}]` : ` ${option.label} `}{' '}
          </Text>
        );
      })}
      {focused ? <Text dimColor> ←/→</Text> : null}
    </Text>
  );
}

/** One form line: label, then the value (editable when focused). */
export const FieldLine = memo(function FieldLine(props: FieldLineProps) {
  const { field, value, focused } = props;
  return (
    <Box height={1} overflowY="hidden">
      <Label label={field.label} focused={focused} />
      <Box flexGrow={1} overflowY="hidden">
        {field.kind === 'text' ? (
          <TextValue {...props} field={field} />
        ) : field.kind === 'choice' ? (
          <ChoiceValue
            options={field.options}
            value={typeof value === 'string' ? value : ''}
            focused={focused}
          />
        ) : (
          <Text>
            {value === true ? '[x]' : '[ ]'}
            {focused ? <Text dimColor> space toggles</Text> : null}
          </Text>
        )}
      </Box>
    </Box>
  );
});
