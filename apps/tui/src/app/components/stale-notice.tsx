import { Box, Text } from 'ink';
import { useContext } from 'react';
import { AppActionsContext } from '../app-context.js';
import type { Stale } from '../hooks/use-request.js';
import { staleNotice } from '../model/stale-notice.js';

/**
 * One line over data a refresh failed to replace. The problem gives way when narrow; the age
 * and `press r to retry` stay whole.
 */
export function StaleNoticeLine({ stale }: { readonly stale: Stale<unknown> }) {
  const apiKey = useContext(AppActionsContext)?.connection.apiKey;
  const { problem, age } = staleNotice(
    stale.error,
    stale.loadedAt,
    apiKey === undefined ? [] : [apiKey],
  );
  return (
    <Box height={1} flexShrink={0} overflowY="hidden">
      <Box flexShrink={1}>
        <Text color="yellow" wrap="truncate">
          {problem}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text color="yellow">{age}</Text>
      </Box>
    </Box>
  );
}
