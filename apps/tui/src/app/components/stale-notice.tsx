import { Box, Text } from 'ink';
import { useContext } from 'react';
import { AppActionsContext } from '../app-context.js';
import type { Stale } from '../hooks/use-request.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { staleLine, staleNotice } from '../model/stale-notice.js';

/**
 * One line over data a refresh failed to replace, as wide as the terminal. When narrow, the
 * problem gives way first, then the age's detail; `r retry` always shows ({@link staleLine}).
 */
export function StaleNoticeLine({ stale }: { readonly stale: Stale<unknown> }) {
  const apiKey = useContext(AppActionsContext)?.connection.apiKey;
  const { columns } = useTerminalSize();
  const notice = staleNotice(stale.error, stale.loadedAt, apiKey === undefined ? [] : [apiKey]);
  return (
    <Box height={1} flexShrink={0} overflowY="hidden">
      <Text color="yellow" wrap="truncate">
        {staleLine(notice, columns)}
      </Text>
    </Box>
  );
}
