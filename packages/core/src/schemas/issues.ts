import type { z } from 'zod';
import type { ErrorIssue } from './error-response.js';

/** Turns zod issues into the wire form `[{ path: 'address.city', message }]`. */
export function toErrorIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(body)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** One line naming every offending field: `customerName: Invalid input; address.city: …`. */
export function describeIssues(issues: readonly ErrorIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
