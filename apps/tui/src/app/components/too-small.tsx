import { Box, Text } from 'ink';

/**
 * Stands in for what does not fit: a view that would have to cut its totals or a summary to be
 * confirmed says so rather than squeeze lines onto one row.
 */
export function TooSmall({
  missing,
  unit = 'row',
}: {
  readonly missing: number;
  /** Rows (a terminal too short) or columns (too narrow for an amount, which is never cut). */
  readonly unit?: 'row' | 'column';
}) {
  return (
    <Box height={1} flexShrink={0}>
      <Text color="yellow" wrap="truncate">
        Terminal too small: {missing} more {missing === 1 ? unit : `${unit}s`} needed
      </Text>
    </Box>
  );
}
