import type { ErrorIssue } from '@amberkit/core/schemas';
import { type ProxyContext, sendError } from './context.js';
import type { Operation } from './operations.js';

/** A 400 naming each query parameter `op` cannot take, or undefined when the query is fine. */
export function refuseQuery(c: ProxyContext, op: Operation): Response | undefined {
  const issues = queryIssues(op, c.req.url);
  if (issues.length === 0) return undefined;
  const names = issues.map((i) => i.path).join(', ');
  return sendError(c, 400, 'VALIDATION_FAILED', `Invalid query: ${names}`, { issues });
}

/**
 * The issues with a request's query string for `op`: each parameter the spec does not give
 * the operation, and each it does give sent more than once. A parameter is never dropped in
 * silence (a list answered for `GET /customers?customerId=x` looks like a lookup that worked)
 * and never read as its first copy only (the value checked and the value cached must be one).
 */
export function queryIssues(op: Operation, url: string): ErrorIssue[] {
  const at = url.indexOf('?');
  if (at < 0 || at === url.length - 1) return [];
  const allowed = op.query ?? [];
  const seen = new Map<string, number>();
  for (const name of new URLSearchParams(url.slice(at + 1)).keys())
    seen.set(name, (seen.get(name) ?? 0) + 1);
  const issues: ErrorIssue[] = [];
  for (const [name, times] of seen) {
    if (!allowed.includes(name)) issues.push({ path: name, message: unknownMessage(op) });
    else if (times > 1) issues.push({ path: name, message: `sent ${times} times; send it once` });
  }
  return issues;
}

function unknownMessage(op: Operation): string {
  if (op.id === 'listCustomers')
    return "unknown query parameter; the spec's listCustomers takes none — to fetch one customer use GET /customers/{customerId}";
  const allowed = op.query ?? [];
  return allowed.length === 0
    ? `unknown query parameter; the spec's ${op.id} takes none`
    : `unknown query parameter; the spec's ${op.id} takes only ${allowed.join(', ')}`;
}
