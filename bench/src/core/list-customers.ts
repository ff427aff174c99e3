import { createAmberfloClient } from '@amberkit/core/client';
import { Customer } from '@amberkit/core/schemas';
import { seedCustomers } from '@amberkit/testing/fixtures';
import * as z from 'zod/mini';
import { compare } from '../lib/measure.js';
import { serveFixedBody } from './fixed-body-server.js';

export type ListTimings = {
  /** fetch + JSON.parse of the body, median ms. */
  raw: number;
  /** client.customers.list() with validateResponses 'strict', median ms. */
  client: number;
  /** JSON.parse of the body alone (no HTTP), median ms. */
  parseOnly: number;
  /** JSON.parse + Customer[] strict parse by zod's runtime (no HTTP), median ms. */
  parseAndValidate: number;
  /**
   * JSON.parse + Customer[] by `z.compile` (no HTTP), median ms: the parser the client ships
   * pre-generated for list responses.
   */
  parseAndValidateCompiled: number;
  bodyBytes: number;
};

const API_KEY = 'bench-key';

/**
 * One local server, one fixed pre-serialised body of `count` customers; the raw baseline and
 * the client fetch the very same bytes in alternation, so the ratio is the client's own cost
 * (ky, validation) and not the network's.
 */
export async function timeListCustomers(
  count: number,
  rounds: { warmup: number; iterations: number },
): Promise<ListTimings> {
  const text = JSON.stringify(seedCustomers(count, { seed: 1 }));
  await using server = await serveFixedBody(Buffer.from(text), API_KEY);

  const client = createAmberfloClient({
    apiKey: API_KEY,
    baseUrl: server.url,
    validateResponses: 'strict',
    retry: false,
  });
  const broken = createAmberfloClient({
    apiKey: API_KEY,
    baseUrl: `${server.url}/broken`,
    validateResponses: 'strict',
    retry: false,
  });
  const rejected = await broken.customers.list().then(
    () => false,
    () => true,
  );
  if (!rejected) throw new Error("validateResponses 'strict' accepted an invalid body");

  const expectCount = (list: unknown[]) => {
    if (list.length !== count) throw new Error(`expected ${count} customers, got ${list.length}`);
  };
  const many = z.array(Customer);
  const compiled = z.compile(many, { strict: true });
  const http = await compare(
    [
      {
        name: 'raw',
        fn: async () => {
          const response = await fetch(`${server.url}/customers`, {
            headers: { 'x-api-key': API_KEY },
          });
          expectCount(JSON.parse(await response.text()));
        },
      },
      { name: 'client', fn: async () => expectCount(await client.customers.list()) },
    ],
    rounds,
  );
  const local = await compare(
    [
      { name: 'parseOnly', fn: () => expectCount(JSON.parse(text)) },
      { name: 'parseAndValidate', fn: () => expectCount(many.parse(JSON.parse(text))) },
      { name: 'compiled', fn: () => expectCount(compiled.parse(JSON.parse(text))) },
    ],
    rounds,
  );
  return {
    raw: http.raw!,
    client: http.client!,
    parseOnly: local.parseOnly!,
    parseAndValidate: local.parseAndValidate!,
    parseAndValidateCompiled: local.compiled!,
    bodyBytes: Buffer.byteLength(text),
  };
}
