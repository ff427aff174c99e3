import { Box, Text } from 'ink';
import { useContext } from 'react';
import { AppActionsContext } from '../app-context.js';
import { describeError } from '../model/describe-error.js';

type ErrorBoxProps = {
  readonly error: unknown;
  readonly hint?: string;
  readonly maxLines?: number;
};

/** An error in place of what failed: message, code and field issues, never a stack. */
export function ErrorBox({ error, hint, maxLines = 6 }: ErrorBoxProps) {
  // Outside <App> (a crash before it mounts) there is no connection, hence no key to hide.
  const apiKey = useContext(AppActionsContext)?.connection.apiKey;
  const { message, detail, issues } = describeError(error, apiKey === undefined ? [] : [apiKey]);
  const room = Math.max(0, maxLines - 1 - (detail ? 1 : 0) - (hint ? 1 : 0));
  // The message wraps: it is the server's explanation, and its end is often the useful part.
  // The box is clipped to maxLines so a long one cannot push the frame past the screen; its
  // lines do not shrink, as a squeezed line would be drawn over the next one.
  return (
    <Box flexDirection="column" height={maxLines} overflowY="hidden" flexShrink={0}>
      <Box flexShrink={0}>
        <Text color="red" bold wrap="wrap">
          ✗ {message}
        </Text>
      </Box>
      {detail ? (
        <Box flexShrink={0}>
          <Text dimColor wrap="truncate">
            {'  '}
            {detail}
          </Text>
        </Box>
      ) : null}
      {issues.slice(0, room).map((issue) => (
        <Box key={issue} flexShrink={0}>
          <Text color="red" wrap="truncate">
            {'  • '}
            {issue}
          </Text>
        </Box>
      ))}
      {hint ? (
        <Box flexShrink={0}>
          <Text dimColor wrap="truncate">
            {'  '}
            {hint}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
