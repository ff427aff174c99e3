import type { ReactElement } from 'react';
import type { View } from '../hooks/use-view-stack.js';
import { CustomerFormView } from './customer-form-view.js';
import { CustomerView } from './customer-view.js';
import { CustomersView } from './customers-view.js';
import { DeleteCustomerView } from './delete-customer-view.js';
import { InvoicesView } from './invoices-view.js';
import { PlanAssignmentView } from './plan-assignment-view.js';
import { PrepaidOrderView } from './prepaid-order-view.js';
import type { ViewProps } from './view-props.js';

/** The component for a stack entry. */
export function renderView(view: View, props: ViewProps): ReactElement {
  switch (view.kind) {
    case 'customers':
      return <CustomersView {...props} />;
    case 'customer':
      return <CustomerView {...props} id={view.id} />;
    case 'customer-form':
      return <CustomerFormView {...props} customer={view.customer} />;
    case 'delete-customer':
      return <DeleteCustomerView {...props} customer={view.customer} />;
    case 'invoices':
      return <InvoicesView {...props} customerId={view.customerId} />;
    case 'prepaid':
      return <PrepaidOrderView {...props} customerId={view.customerId} />;
    case 'plan':
      return <PlanAssignmentView {...props} customerId={view.customerId} />;
  }
}
