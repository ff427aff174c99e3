import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, test } from 'vitest';
import { SECURITY_HEADERS } from './frame.js';

describe('frame', () => {
  test("SECURITY_HEADERS are exactly hono/secure-headers' defaults (HSTS one year)", async () => {
    const app = new Hono();
    app.use(secureHeaders({ strictTransportSecurity: 'max-age=31536000; includeSubDomains' }));
    app.get('/', (c) => c.text('x'));
    const res = await app.request('/');
    const fromHono: Record<string, string> = {};
    for (const [name, value] of res.headers) if (name !== 'content-type') fromHono[name] = value;
    expect(SECURITY_HEADERS).toEqual(fromHono);
  });
});
