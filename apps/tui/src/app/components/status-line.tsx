import { Box, Text } from 'ink';
import { memo } from 'react';
import { safeText } from '../../model/safe-text.js';
import type { FlashTone } from '../app-context.js';

const TONE_COLORS: Record<FlashTone, string> = {
  info: 'blue',
  success: 'green',
  warning: 'yellow',
};

/** The line above the footer: the last message (saved, copied, read-only…) or nothing. */
export const StatusLine = memo(function StatusLine({
  text,
  tone,
}: {
  readonly text: string;
  readonly tone: FlashTone;
}) {
  return (
    <Box height={1}>
      <Text color={TONE_COLORS[tone]} wrap="truncate">
        {safeText(text)}
      </Text>
    </Box>
  );
});
