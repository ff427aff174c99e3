import * as z from 'zod/mini';
import { parseCustomerList, parseInvoiceList } from './compiled-parsers.generated.js';
import { Customer } from './customer.js';
import { Invoice } from './invoice.js';

/** What a generated parser returns: the schema's output, or INVALID to hand over to zod. */
type CompiledParser<S extends z.ZodMiniType> = (input: unknown) => z.output<S> | typeof z.INVALID;

/** The list schemas as zod runs them; `compiled-parsers.generated.ts` is compiled from these. */
export const LIST_SCHEMAS = {
  CustomerList: z.array(Customer),
  InvoiceList: z.array(Invoice),
} as const;

/**
 * `Customer[]` for list responses, with zod's compiled parser in front (`z.withParser`): about
 * 4x faster than zod's runtime walk over 10,000 customers, on Node and on Workers alike. Same
 * checks and same output; on any failure zod's runtime parser runs and reports the issues.
 */
export const CustomerList: typeof LIST_SCHEMAS.CustomerList = /* @__PURE__ */ z.withParser(
  LIST_SCHEMAS.CustomerList,
  parseCustomerList as CompiledParser<typeof LIST_SCHEMAS.CustomerList>,
);

/** `Invoice[]` for list responses, compiled like {@link CustomerList}. */
export const InvoiceList: typeof LIST_SCHEMAS.InvoiceList = /* @__PURE__ */ z.withParser(
  LIST_SCHEMAS.InvoiceList,
  parseInvoiceList as CompiledParser<typeof LIST_SCHEMAS.InvoiceList>,
);
