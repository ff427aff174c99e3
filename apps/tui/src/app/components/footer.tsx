import { Box, Text } from 'ink';
import { memo } from 'react';
import type { KeyHelp } from '../app-context.js';

type FooterProps = {
  readonly keys: readonly KeyHelp[];
  readonly readOnly: boolean;
  readonly capture: boolean;
};

/**
 * The main keys of the current view on the left (cut when narrow), the global ones pinned on
 * the right so `? help` and `q quit` never fall off (while a text input takes the keys, only
 * `ctrl+c quit`, the one that still works). Write keys are left out when read-only.
 */
export const Footer = memo(function Footer({ keys, readOnly, capture }: FooterProps) {
  // Read-only: the write keys only say why they are off, so the footer does not offer them
  // (`?` still lists them, marked disabled).
  const shown = keys.filter((key) => key.footer && !(readOnly && key.write));
  return (
    <Box height={1}>
      <Box flexGrow={1} flexShrink={1} overflowY="hidden">
        <Text wrap="truncate">
          {shown.map((key, index) => (
            <Text key={`${key.keys[0]}:${key.label}`}>
              {index > 0 ? '  ' : ''}
              <Text color="cyan">{key.keys[0]}</Text> {key.label}
            </Text>
          ))}
        </Text>
      </Box>
      {/* The gap belongs to the pinned keys, so a cut list's … never runs into them. */}
      {capture ? (
        // A text input has the keys: q and ? would be typed, so only Ctrl-C is offered.
        <Box flexShrink={0} marginLeft={shown.length > 0 ? 2 : 0}>
          <Text>
            <Text color="cyan">ctrl+c</Text> quit
          </Text>
        </Box>
      ) : (
        <Box flexShrink={0} marginLeft={shown.length > 0 ? 2 : 0}>
          <Text>
            <Text color="cyan">?</Text> help{'  '}
            <Text color="cyan">:</Text> command{'  '}
            <Text color="cyan">q</Text> quit
          </Text>
        </Box>
      )}
    </Box>
  );
});
