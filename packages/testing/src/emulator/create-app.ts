import { Hono } from 'hono';
import { emulatorMiddleware, transportErrors } from './middleware.js';
import { HttpProblem, problemResponse } from './problem.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerInvoiceRoutes } from './routes/invoices.js';
import { registerPlanAssignmentRoutes } from './routes/plan-assignments.js';
import { registerPrepaidOrderRoutes } from './routes/prepaid-orders.js';
import type { EmulatorApp, EmulatorEnv, EmulatorState } from './state.js';

/** The emulator's Hono app: spec operations, admin API, and one error shape for everything. */
export function createEmulatorApp(state: EmulatorState): EmulatorApp {
  const app = new Hono<EmulatorEnv>();
  app.use('*', emulatorMiddleware(state));
  registerAdminRoutes(app, state);
  registerCustomerRoutes(app, state);
  registerInvoiceRoutes(app);
  registerPrepaidOrderRoutes(app, state);
  registerPlanAssignmentRoutes(app, state);

  app.notFound((c) =>
    problemResponse(
      c.get('requestId'),
      new HttpProblem(404, 'NOT_FOUND', `No operation at ${c.req.method} ${c.req.path}`),
    ),
  );
  app.onError((error, c) => {
    if (transportErrors.has(error)) throw error;
    if (error instanceof HttpProblem) return problemResponse(c.get('requestId'), error);
    // Only an emulator bug gets here: bad input is always an HttpProblem above.
    return problemResponse(
      c.get('requestId') ?? 'req-unknown',
      new HttpProblem(500, 'INTERNAL', `Internal emulator error: ${error.message}`),
    );
  });
  return app;
}
