import { describe, expect, test } from 'vitest';
import { createAmberfloClient } from './create-client.js';
import { ResponseValidationError } from './error-classes.js';
import type { AmberfloValidationWarningEvent } from './options.js';
import { startTestServer } from './test-server.js';

const bad = [
  { customerId: 'c-1', customerName: 'One' },
  { customerId: 'c-2', customerName: 'Two', customerEmail: 'not-an-email', lifecycleStage: 'NOPE' },
];

async function listWith(
  validateResponses: 'strict' | 'warn' | 'off' | undefined,
  body: unknown = bad,
) {
  await using server = await startTestServer([{ body, headers: { 'x-request-id': 'req-9' } }]);
  const warnings: AmberfloValidationWarningEvent[] = [];
  const logged: string[] = [];
  const client = createAmberfloClient({
    apiKey: 'k',
    baseUrl: server.url,
    ...(validateResponses ? { validateResponses } : {}),
    hooks: { onValidationWarning: (e) => warnings.push(e) },
    logger: { warn: (message) => logged.push(message) },
  });
  const result = await client.customers.list().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return { result, warnings, logged };
}

describe('validateResponses', () => {
  test('strict (the default) throws with zod paths naming each bad field', async () => {
    const { result, warnings } = await listWith(undefined);
    expect('error' in result).toBe(true);
    const error = (result as { error: ResponseValidationError }).error;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({
      code: 'RESPONSE_VALIDATION_FAILED',
      status: 200,
      requestId: 'req-9',
      method: 'GET',
      path: '/customers',
    });
    expect(error.issues?.map((i) => i.path).sort()).toEqual([
      '1.customerEmail',
      '1.lifecycleStage',
    ]);
    expect(error.zodIssues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        [1, 'customerEmail'],
        [1, 'lifecycleStage'],
      ]),
    );
    expect(error.message).toContain('1.customerEmail');
    expect(warnings).toEqual([]);
  });

  test('warn returns the data as received and reports through the hook and the logger', async () => {
    const { result, warnings, logged } = await listWith('warn');
    expect(result).toEqual({ value: bad });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ method: 'GET', path: '/customers' });
    expect(warnings[0]?.issues.map((i) => i.path).sort()).toEqual([
      '1.customerEmail',
      '1.lifecycleStage',
    ]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('/customers');
  });

  test('off returns the data unchecked and reports nothing', async () => {
    const { result, warnings, logged } = await listWith('off');
    expect(result).toEqual({ value: bad });
    expect(warnings).toEqual([]);
    expect(logged).toEqual([]);
  });

  test('a body that is not JSON fails strict validation', async () => {
    const { result } = await listWith('strict', '<html>maintenance</html>');
    expect((result as { error: unknown }).error).toBeInstanceOf(ResponseValidationError);
  });

  test('a valid body passes strict validation, unknown fields kept', async () => {
    const good = [
      { customerId: 'c-1', customerName: 'One', fromLiveApi: true, lifecycleStage: 'TRIAL' },
    ];
    const { result, warnings } = await listWith('strict', good);
    expect(result).toEqual({ value: good });
    expect(warnings).toEqual([]);
  });

  test('each typed method validates its own schema', async () => {
    await using server = await startTestServer([
      { body: { orderId: 'o-1', amount: 'five hundred' } },
    ]);
    const client = createAmberfloClient({ apiKey: 'k', baseUrl: server.url });
    const error = await client.prepaidOrders
      .create({ customerId: 'c-1', amount: 500 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues?.[0]?.path).toBe('amount');
  });
});
