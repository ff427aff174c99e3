import { Box, Text } from 'ink';
import type { KeyHelp } from '../app-context.js';
import { COMMAND_HELP } from '../model/command.js';

const GLOBAL_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['?', 'this help (any other key closes it)'],
  [':', `command mode: ${COMMAND_HELP}`],
  ['q / ctrl+c', 'quit (in a text field, q types a q)'],
];

type HelpOverlayProps = {
  readonly keys: readonly KeyHelp[];
  readonly height: number;
  readonly readOnly: boolean;
};

/** Every key of the current view, then the global keys, cut to the space available. */
export function HelpOverlay({ keys, height, readOnly }: HelpOverlayProps) {
  const lines: Array<readonly [string, string, boolean]> = [
    ...keys.map((key) => [key.keys.join(' / '), key.label, readOnly && key.write] as const),
    ...GLOBAL_KEYS.map(([k, label]) => [k, label, false] as const),
  ];
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Text bold>Keys of this view</Text>
      {lines.slice(0, Math.max(0, height - 1)).map(([k, label, disabled]) => (
        <Text key={k} wrap="truncate" dimColor={disabled}>
          <Text color="cyan">{k.padEnd(18)}</Text>
          {label}
          {disabled ? ' (disabled: read-only)' : ''}
        </Text>
      ))}
    </Box>
  );
}
