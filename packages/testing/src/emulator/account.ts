import type {
  Customer,
  Invoice,
  PrepaidOrder,
  PricingPlanAssignment,
} from '@amberkit/core/schemas';

/** Everything one account holds; also the shape of `emulator.snapshot()` and the data file. */
export type AccountData = {
  customers: Customer[];
  invoices: Invoice[];
  prepaidOrders: PrepaidOrder[];
  planAssignments: PricingPlanAssignment[];
};

type StoredCustomer = { data: Customer; json: string | undefined };

const encoder = new TextEncoder();

/**
 * One account's data. Customers live in a Map (insertion order = list order) with their JSON
 * cached, so reads never re-validate or re-serialise stored data; the encoded list is cached too
 * and dropped on any customer change.
 */
export class Account {
  readonly #customers = new Map<string, StoredCustomer>();
  readonly #invoices = new Map<string, Invoice[]>();
  /** Every stored invoiceId, so the admin API can refuse a duplicate. */
  readonly #invoiceIds = new Set<string>();
  #prepaidOrders: PrepaidOrder[] = [];
  #planAssignments: PricingPlanAssignment[] = [];
  /** The list answer, encoded once: a big list is served without re-encoding per request. */
  #listBody: Uint8Array<ArrayBuffer> | undefined;

  constructor(readonly label: string) {}

  get customerCount(): number {
    return this.#customers.size;
  }

  getCustomer(customerId: string): Customer | undefined {
    return this.#customers.get(customerId)?.data;
  }

  customerJson(customerId: string): string | undefined {
    const stored = this.#customers.get(customerId);
    if (!stored) return undefined;
    stored.json ??= JSON.stringify(stored.data);
    return stored.json;
  }

  listBody(): Uint8Array<ArrayBuffer> {
    if (this.#listBody === undefined) {
      const parts: string[] = [];
      for (const id of this.#customers.keys()) parts.push(this.customerJson(id) as string);
      this.#listBody = encoder.encode(`[${parts.join(',')}]`);
    }
    return this.#listBody;
  }

  /** Stores (inserts or replaces in place) a customer and returns its JSON. */
  putCustomer(customer: Customer): string {
    const json = JSON.stringify(customer);
    this.#customers.set(customer.customerId, { data: customer, json });
    this.#listBody = undefined;
    return json;
  }

  /** Removes a customer and its invoices; false when there was none. */
  deleteCustomer(customerId: string): boolean {
    if (!this.#customers.delete(customerId)) return false;
    for (const invoice of this.#invoices.get(customerId) ?? []) {
      if (invoice.invoiceId !== undefined) this.#invoiceIds.delete(invoice.invoiceId);
    }
    this.#invoices.delete(customerId);
    this.#listBody = undefined;
    return true;
  }

  invoicesOf(customerId: string): readonly Invoice[] {
    return this.#invoices.get(customerId) ?? [];
  }

  hasInvoice(invoiceId: string): boolean {
    return this.#invoiceIds.has(invoiceId);
  }

  addInvoice(invoice: Invoice): void {
    if (invoice.invoiceId !== undefined) this.#invoiceIds.add(invoice.invoiceId);
    const key = invoice.customerId ?? '';
    const list = this.#invoices.get(key);
    if (list) list.push(invoice);
    else this.#invoices.set(key, [invoice]);
  }

  addPrepaidOrder(order: PrepaidOrder): void {
    this.#prepaidOrders.push(order);
  }

  addPlanAssignment(assignment: PricingPlanAssignment): void {
    this.#planAssignments.push(assignment);
  }

  /** Replaces all data (bulk load, reset, data file). Invoices keep their order per customer. */
  replace(data: Partial<AccountData>): void {
    this.#customers.clear();
    this.#invoices.clear();
    this.#invoiceIds.clear();
    this.#prepaidOrders = [];
    this.#planAssignments = [];
    this.load(data);
  }

  /** Adds data; customers with an existing id replace it. */
  load(data: Partial<AccountData>): void {
    for (const customer of data.customers ?? []) {
      this.#customers.set(customer.customerId, { data: customer, json: undefined });
    }
    this.#listBody = undefined;
    for (const invoice of data.invoices ?? []) this.addInvoice(invoice);
    if (data.prepaidOrders) this.#prepaidOrders.push(...data.prepaidOrders);
    if (data.planAssignments) this.#planAssignments.push(...data.planAssignments);
  }

  snapshot(): AccountData {
    const customers = [...this.#customers.values()].map((stored) => stored.data);
    return {
      customers,
      invoices: [...this.#invoices.values()].flat(),
      prepaidOrders: [...this.#prepaidOrders],
      planAssignments: [...this.#planAssignments],
    };
  }
}
