/** The consumer's code: the public API as a team in another repo would use it. */
export const CONSUMER_SOURCE = `import * as core from '@amberkit/core';
import { createAmberfloClient, isAmberfloError, NotFoundError } from '@amberkit/core/client';
import { add, format, money } from '@amberkit/core/money';
import { CustomerRequest, type Customer } from '@amberkit/core/schemas';
import { secondsToDate } from '@amberkit/core/time';
import { createProxy } from '@amberkit/proxy';
import { createEmulator } from '@amberkit/testing/emulator';
import { acmeCustomer, buildCustomer } from '@amberkit/testing/fixtures';

const emulator = createEmulator({ accounts: ['consumer-key'], dataset: 'demo' });
const server = await emulator.listen({ port: 0, host: '127.0.0.1' });
try {
  const client = createAmberfloClient({ apiKey: 'consumer-key', baseUrl: server.url, retry: false });
  const before: Customer[] = await client.customers.list();
  const acme: Customer = await client.customers.get(acmeCustomer.customerId);
  const body = CustomerRequest.parse({ customerId: 'consumer-1', customerName: 'Consumer Ltd' });
  const created = await client.customers.create(body);
  const after = await client.customers.list();
  let missing = 'found';
  try {
    await client.customers.get('no-such-customer');
  } catch (error) {
    if (error instanceof NotFoundError && isAmberfloError(error)) missing = error.code;
  }
  const total: string = format(add(money('99.50', 'USD'), money('0.50', 'USD')), 'en-US');
  const built = buildCustomer({ customerName: 'Built' }, { seed: 1 });
  const proxy: typeof createProxy = createProxy;
  console.log(
    JSON.stringify({
      before: before.length,
      after: after.length,
      acme: acme.customerName,
      created: created.customerId,
      missing,
      total,
      year: secondsToDate(core.asSeconds(1_700_000_000)).getUTCFullYear(),
      built: built.customerName,
      proxy: typeof proxy,
    }),
  );
} finally {
  await server.close();
}
`;

/** tsconfig for each module resolution the consumer test checks. */
const TSCONFIGS = {
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
} as const;

export function tsconfig(resolution: keyof typeof TSCONFIGS, emit: boolean): string {
  return JSON.stringify(
    {
      compilerOptions: {
        ...TSCONFIGS[resolution],
        target: 'es2022',
        lib: ['es2023', 'dom'],
        strict: true,
        types: ['node'],
        outDir: 'out',
        noEmit: !emit,
      },
      files: ['consumer.ts'],
    },
    null,
    2,
  );
}
