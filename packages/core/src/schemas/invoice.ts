import * as z from 'zod/mini';
import { doc, integer } from './doc.js';

export const INVOICE_STATUSES = ['DRAFT', 'PENDING', 'PAID', 'VOID'] as const;
export const InvoiceStatus = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

const seconds = (description: string, example: number) =>
  z.optional(doc(integer(), { description, example }));
const text = (description: string, example: string) =>
  z.optional(doc(z.string(), { description, example }));

/** A customer invoice. Period bounds are Unix **seconds** (customers use milliseconds). */
export const Invoice = doc(
  z.looseObject({
    invoiceId: text('Unique invoice identifier', 'inv-500123'),
    customerId: text('Customer identifier', 'customer-123456'),
    startTime: seconds('Invoice period start in Unix seconds', 1718100000),
    endTime: seconds('Invoice period end in Unix seconds', 1718186400),
    totalAmount: z.optional(
      doc(z.number(), { description: 'Total invoice amount', example: 99.5 }),
    ),
    currency: text('Invoice currency code', 'USD'),
    status: z.optional(
      doc(InvoiceStatus, { description: 'Invoice payment status', example: 'PAID' }),
    ),
  }),
  { id: 'Invoice', description: 'A customer invoice' },
);
export type Invoice = z.infer<typeof Invoice>;
