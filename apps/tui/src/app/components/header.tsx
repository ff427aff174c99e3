import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Connection } from '../../config/index.js';
import { safeText } from '../../model/safe-text.js';
import type { EndpointKind } from '../model/endpoint-kind.js';

type HeaderProps = { readonly connection: Connection; readonly endpoint: EndpointKind | undefined };

/**
 * Profile, endpoint and the LIVE/EMULATOR badge. The badge is pinned on the right and never
 * cut: when the line is too narrow, the profile and URL give way. The API key is never shown.
 */
export const Header = memo(function Header({ connection, endpoint }: HeaderProps) {
  return (
    <Box height={1} width="100%">
      <Box flexShrink={1} overflowY="hidden">
        <Text wrap="truncate">
          <Text bold>amberkit</Text>
          <Text dimColor> │ profile </Text>
          <Text>{connection.profile ?? '(none)'}</Text>
          <Text dimColor> │ </Text>
          <Text>{safeText(connection.baseUrl)}</Text>
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text> </Text>
        <EndpointBadge endpoint={endpoint} />
        {connection.readOnly ? (
          <Text color="yellow" bold>
            {' '}
            READ-ONLY
          </Text>
        ) : null}
      </Box>
    </Box>
  );
});

function EndpointBadge({ endpoint }: { readonly endpoint: EndpointKind | undefined }) {
  if (endpoint === undefined) return <Text dimColor>[checking endpoint…]</Text>;
  if (endpoint.kind === 'emulator') {
    return (
      <Text color="green" bold>
        [EMULATOR{endpoint.detail === 'emulator' ? '' : ` · ${endpoint.detail}`}]
      </Text>
    );
  }
  return (
    <Text color="red" bold inverse>
      {` LIVE · ${endpoint.detail} `}
    </Text>
  );
}
