import { Spinner } from '@inkjs/ui';
import { Box } from 'ink';
import { safeText } from '../../model/safe-text.js';

/** One line: a spinner and what is being waited for. */
export function SpinnerLine({ label }: { readonly label: string }) {
  return (
    <Box height={1} flexShrink={0}>
      <Spinner label={safeText(label)} />
    </Box>
  );
}
