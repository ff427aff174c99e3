import type { Context } from 'hono';

type NodeBindings = {
  incoming?: {
    headers: Record<string, string | string[] | undefined>;
    rawHeaders?: readonly string[];
  };
};

/**
 * A request header by lower-case name, repeated ones joined with `, ` as Fetch's `Headers`
 * does. On @hono/node-server it reads Node's already-parsed `incoming.headers`: going through
 * `c.req.header()` there builds a Web `Headers` object for every request, a measurable share
 * of a cache HIT. Elsewhere it is `c.req.header()`.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (incoming && typeof incoming.headers === 'object') {
    // Node keeps only the first of a repeated Authorization; a credential sent twice must read
    // as it does on every other runtime (joined, so never a valid `Bearer <key>`), not as
    // whichever copy came first.
    if (name === 'authorization' && incoming.rawHeaders) return joined(incoming.rawHeaders, name);
    const value = incoming.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
  return c.req.header(name);
}

/** Every value of header `name` (lower case) in Node's raw list, joined with `, `. */
function joined(raw: readonly string[], name: string): string | undefined {
  let out: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const header = raw[i]!;
    if (header.length === name.length && header.toLowerCase() === name)
      out = out === undefined ? raw[i + 1]! : `${out}, ${raw[i + 1]}`;
  }
  return out;
}
