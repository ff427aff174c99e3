import type { Customer } from '@amberkit/core/schemas';
import { useCallback, useMemo, useRef, useState } from 'react';

/** Every screen the UI can show; the stack holds these, the top one is on screen. */
export type View =
  | { readonly kind: 'customers' }
  | { readonly kind: 'customer'; readonly id: string }
  | { readonly kind: 'customer-form'; readonly customer?: Customer }
  | { readonly kind: 'delete-customer'; readonly customer: Customer }
  | { readonly kind: 'invoices'; readonly customerId: string }
  | { readonly kind: 'prepaid'; readonly customerId: string }
  | { readonly kind: 'plan'; readonly customerId: string };

export type StackEntry = { readonly key: number; readonly view: View };

export type ViewStack = {
  readonly entries: readonly StackEntry[];
  push(view: View): void;
  /** Goes back `count` views; the first view always stays. */
  pop(count?: number): void;
  /** Replaces the whole stack, as `:customers` does. */
  reset(views: readonly View[]): void;
};

/** Breadcrumb label of a view. */
export function viewTitle(view: View): string {
  switch (view.kind) {
    case 'customers':
      return 'Customers';
    case 'customer':
      return view.id;
    case 'customer-form':
      return view.customer ? 'Edit' : 'New customer';
    case 'delete-customer':
      return 'Delete';
    case 'invoices':
      return 'Invoices';
    case 'prepaid':
      return 'Prepaid order';
    case 'plan':
      return 'Assign plan';
  }
}

export function useViewStack(initial: readonly View[]): ViewStack {
  const nextKey = useRef(initial.length);
  const [entries, setEntries] = useState<readonly StackEntry[]>(() =>
    initial.map((view, key) => ({ key, view })),
  );
  const push = useCallback((view: View) => {
    const key = nextKey.current++;
    setEntries((current) => [...current, { key, view }]);
  }, []);
  const pop = useCallback((count = 1) => {
    setEntries((current) => current.slice(0, Math.max(1, current.length - count)));
  }, []);
  const reset = useCallback((views: readonly View[]) => {
    setEntries(views.map((view) => ({ key: nextKey.current++, view })));
  }, []);
  return useMemo(() => ({ entries, push, pop, reset }), [entries, push, pop, reset]);
}
