import * as z from 'zod';

/** Tax address for a customer. */
export const Address = z
  .looseObject({
    verified: z.boolean().describe('Whether the address has been verified').optional(),
    line1: z.string().min(1).describe('Address line 1').meta({ example: '123 Main Street' }),
    state: z.string().describe('State or province').meta({ example: 'CA' }).optional(),
    city: z.string().min(1).describe('City').meta({ example: 'San Francisco' }),
    postalCode: z.string().describe('Postal or ZIP code').meta({ example: '94105' }).optional(),
    country: z.string().min(1).describe('ISO country code').meta({ example: 'US' }),
  })
  .meta({ id: 'Address', description: 'Tax address for a customer' });
export type Address = z.infer<typeof Address>;
