import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, test } from 'vitest';
import { SECURITY_HEADERS } from './frame.js';

describe('frame', () => {
  test("SECURITY_HEADERS are OWASP's REST set, as hono/secure-headers writes it", async () => {
    const app = new Hono();
    app.use(
      secureHeaders({
        contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
        strictTransportSecurity: 'max-age=31536000; includeSubDomains',
        xFrameOptions: 'DENY',
        // Browser-document headers, left out for JSON (see SECURITY_HEADERS).
        crossOriginOpenerPolicy: false,
        crossOriginResourcePolicy: false,
        originAgentCluster: false,
        referrerPolicy: false,
        xDnsPrefetchControl: false,
        xDownloadOptions: false,
        xPermittedCrossDomainPolicies: false,
        xXssProtection: false,
      }),
    );
    app.get('/', (c) => c.text('x'));
    const res = await app.request('/');
    const fromHono: Record<string, string> = { 'cache-control': 'no-store' };
    for (const [name, value] of res.headers) if (name !== 'content-type') fromHono[name] = value;
    expect(SECURITY_HEADERS).toEqual(fromHono);
    // The cheat sheet's list (Content-Type is per response).
    expect(Object.keys(SECURITY_HEADERS).sort()).toEqual([
      'cache-control',
      'content-security-policy',
      'strict-transport-security',
      'x-content-type-options',
      'x-frame-options',
    ]);
  });
});
