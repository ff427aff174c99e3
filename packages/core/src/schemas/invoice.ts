import * as z from 'zod';

export const INVOICE_STATUSES = ['DRAFT', 'PENDING', 'PAID', 'VOID'] as const;
export const InvoiceStatus = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

const seconds = (description: string, example: number) =>
  z.int().nonnegative().describe(description).meta({ example });

/** A customer invoice. Period bounds are Unix **seconds** (customers use milliseconds). */
export const Invoice = z
  .looseObject({
    invoiceId: z
      .string()
      .describe('Unique invoice identifier')
      .meta({ example: 'inv-500123' })
      .optional(),
    customerId: z
      .string()
      .describe('Customer identifier')
      .meta({ example: 'customer-123456' })
      .optional(),
    startTime: seconds('Invoice period start in Unix seconds', 1718100000).optional(),
    endTime: seconds('Invoice period end in Unix seconds', 1718186400).optional(),
    totalAmount: z.number().describe('Total invoice amount').meta({ example: 99.5 }).optional(),
    currency: z.string().describe('Invoice currency code').meta({ example: 'USD' }).optional(),
    status: InvoiceStatus.describe('Invoice payment status').meta({ example: 'PAID' }).optional(),
  })
  .meta({ id: 'Invoice', description: 'A customer invoice' });
export type Invoice = z.infer<typeof Invoice>;
