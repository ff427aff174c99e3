import { Box, Text } from 'ink';

/**
 * Stands in for what does not fit: a view that would have to cut its totals or a summary to be
 * confirmed says so rather than squeeze lines onto one row.
 */
export function TooSmall({ missing }: { readonly missing: number }) {
  return (
    <Box height={1} flexShrink={0}>
      <Text color="yellow" wrap="truncate">
        Terminal too small: {missing} more {missing === 1 ? 'row' : 'rows'} needed
      </Text>
    </Box>
  );
}
