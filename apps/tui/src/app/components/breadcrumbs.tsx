import { Box, Text } from 'ink';
import { memo } from 'react';
import { safeText } from '../../model/safe-text.js';

/** `Customers › customer-123456 › Invoices`, the last one highlighted. */
export const Breadcrumbs = memo(function Breadcrumbs({
  titles,
}: {
  readonly titles: readonly string[];
}) {
  return (
    <Box height={1}>
      <Text wrap="truncate">
        {titles.map((title, index) => (
          <Text key={`${index}:${title}`}>
            {index > 0 ? <Text dimColor> › </Text> : null}
            {index === titles.length - 1 ? (
              <Text color="cyan" bold>
                {safeText(title)}
              </Text>
            ) : (
              <Text>{safeText(title)}</Text>
            )}
          </Text>
        ))}
      </Text>
    </Box>
  );
});
