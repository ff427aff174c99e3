import { Box, Text } from 'ink';

/** Says plainly that there is nothing, and what to do about it. */
export function EmptyState({ title, hint }: { readonly title: string; readonly hint?: string }) {
  return (
    <Box flexDirection="column" paddingLeft={2} flexShrink={0}>
      <Text wrap="truncate">{title}</Text>
      {hint ? (
        <Text dimColor wrap="truncate">
          {hint}
        </Text>
      ) : null}
    </Box>
  );
}
