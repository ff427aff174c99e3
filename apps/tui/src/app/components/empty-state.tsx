import { Box, Text } from 'ink';
import { safeText } from '../../model/safe-text.js';

/** Says plainly that there is nothing, and what to do about it. */
export function EmptyState({ title, hint }: { readonly title: string; readonly hint?: string }) {
  return (
    <Box flexDirection="column" paddingLeft={2} flexShrink={0}>
      <Text wrap="truncate">{safeText(title)}</Text>
      {hint ? (
        <Text dimColor wrap="truncate">
          {hint}
        </Text>
      ) : null}
    </Box>
  );
}
