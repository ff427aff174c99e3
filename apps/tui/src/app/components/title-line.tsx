import { Spinner } from '@inkjs/ui';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

type TitleLineProps = { readonly children: ReactNode; readonly refreshing: boolean };

/** A view's first line; while a refresh runs, a spinner after the title (old data stays). */
export function TitleLine({ children, refreshing }: TitleLineProps) {
  return (
    <Box height={1} flexShrink={0}>
      <Box flexShrink={1}>
        <Text wrap="truncate">{children}</Text>
      </Box>
      {refreshing ? (
        <Box marginLeft={1} flexShrink={0}>
          <Spinner label="refreshing…" />
        </Box>
      ) : null}
    </Box>
  );
}
