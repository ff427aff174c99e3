import type { Handler } from 'hono';
import { HttpProblem } from './problem.js';
import type { EmulatorApp, EmulatorEnv } from './state.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Registers one path's handlers and answers any other method with 405 and `Allow`, which
 * Hono alone would report as a 404.
 */
export function route(
  app: EmulatorApp,
  path: string,
  handlers: Partial<Record<Method, Handler<EmulatorEnv>>>,
): void {
  for (const [method, handler] of Object.entries(handlers)) app.on(method, path, handler);
  const allow = Object.keys(handlers).join(', ');
  app.all(path, (c) => {
    throw new HttpProblem(
      405,
      'METHOD_NOT_ALLOWED',
      `Method ${c.req.method} is not allowed on ${c.req.path}; allowed: ${allow}`,
      undefined,
      { allow },
    );
  });
}
