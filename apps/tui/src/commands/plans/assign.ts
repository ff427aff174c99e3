import { PricingPlanAssignmentRequest } from '@amberkit/core/schemas';
import { readBody, validateInput } from '../body.js';
import { type Command, JSON_HELP, JSON_OPTION } from '../command.js';
import { showDate } from '../format.js';
import { emit } from '../output.js';
import { dateFlag, startInput } from '../parse-inputs.js';

const FLAG_FOR = { customerId: '--customer', productId: '--plan', startTime: '--start' };

/** `amberkit plans assign --customer ID --plan PLAN [--start DATE]`. */
export const plansAssign: Command = {
  name: 'plans assign',
  summary: 'Assign a pricing plan to a customer',
  usage: '--customer ID --plan PLAN [--start DATE] [--json]',
  optionHelp: [
    '  --customer ID          the customer (required)',
    '  --plan PLAN            product or pricing plan id (required)',
    '  --start DATE           start, YYYY-MM-DD (local midnight; TZ is honoured) or ISO 8601 with a zone',
    '  --body FILE|-          JSON body from a file or stdin; flags override it',
    JSON_HELP,
  ],
  options: {
    customer: { type: 'string' },
    plan: { type: 'string' },
    start: { type: 'string' },
    body: { type: 'string' },
    ...JSON_OPTION,
  },
  connects: true,
  write: true,
  async run({ io, args, json, client }) {
    const source = args.string('body');
    const input: Record<string, unknown> =
      source === undefined ? {} : await readBody(source, io.stdin);
    const customer = args.string('customer');
    if (customer !== undefined) input.customerId = customer;
    const plan = args.string('plan');
    if (plan !== undefined) input.productId = plan;
    const start = args.string('start');
    if (start !== undefined)
      input.startTime = startInput(dateFlag('--start', start), '--start', start);
    else if (typeof input.startTime === 'number')
      input.startTime = startInput(input.startTime, 'startTime (--body)');
    const request = validateInput(PricingPlanAssignmentRequest, input, FLAG_FOR);
    const assignment = await client.pricingPlans.assign(request);
    emit(io.stdout, json, assignment, () =>
      [
        `Assigned plan ${assignment.productId ?? request.productId} to ${assignment.customerId ?? request.customerId}`,
        assignment.startTime === undefined
          ? ''
          : `, from ${showDate(new Date(assignment.startTime), true)}`,
        '.',
      ].join(''),
    );
  },
};
