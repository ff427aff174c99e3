import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import { createAmberfloClient } from '@amberkit/core/client';
import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { App } from '../app.js';
import { resize } from '../test-support/harness.js';
import { waitUntil } from '../test-support/wait-until.js';

const API_KEY = 'echoed-api-key-0123456789';
const CALLER_KEY = 'ak_0123456789abcdefghijABCDEFGHIJ';

/** A server on 127.0.0.1 that answers every request 400, echoing the keys in its message. */
async function echoingServer() {
  const server = createServer((_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json', 'x-request-id': 'req-echo' });
    res.end(
      JSON.stringify({
        message: `key ${API_KEY} (caller ${CALLER_KEY}) may not list customers`,
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'x-api-key', message: `${API_KEY} is not allowed here` }],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('ErrorBox', () => {
  test('a server error that echoes the API key or a caller key shows neither', async () => {
    await using server = await echoingServer();
    const connection = { baseUrl: server.url, apiKey: API_KEY, profile: null, readOnly: true };
    const client = createAmberfloClient({ apiKey: API_KEY, baseUrl: server.url, retry: false });
    const ui = render(<App client={client} connection={connection} fetch={fetch} />);
    try {
      resize(ui.stdout, 120, 30);
      const frame = () => stripVTControlCharacters(ui.lastFrame() ?? '');
      await waitUntil(() => frame().includes('VALIDATION_FAILED'), 'the error box', 5000);
      const shown = frame();
      expect(shown).toContain('key *** (caller ***) may not list customers');
      expect(shown).toContain('VALIDATION_FAILED');
      expect(shown).not.toContain(API_KEY);
      expect(shown).not.toContain(CALLER_KEY);
      expect(shown).not.toContain('0123456789');
    } finally {
      ui.unmount();
      ui.cleanup();
    }
  });
});
