import { Box, Text, useInput } from 'ink';
import { COMMAND_HELP } from '../model/command.js';
import { TextInput } from './text-input.js';

type CommandLineProps = {
  readonly onSubmit: (text: string) => void;
  readonly onCancel: () => void;
};

/** The `:` prompt (k9s): Enter runs the command, Esc closes the prompt. */
export function CommandLine({ onSubmit, onCancel }: CommandLineProps) {
  useInput((_input, key) => {
    if (key.escape) onCancel();
  });
  return (
    <Box height={1}>
      <Text color="cyan">:</Text>
      <TextInput placeholder={COMMAND_HELP} onSubmit={onSubmit} />
    </Box>
  );
}
