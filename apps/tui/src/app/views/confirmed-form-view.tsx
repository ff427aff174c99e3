import { ConfirmInput } from '@inkjs/ui';
import { Box, Text } from 'ink';
import { useCallback, useState } from 'react';
import { safeText } from '../../model/safe-text.js';
import { MIN_BODY_LINES, useAppActions } from '../app-context.js';
import { ErrorBox } from '../components/error-box.js';
import { Form } from '../components/form.js';
import type { FieldSpec } from '../components/form-fields.js';
import { SpinnerLine } from '../components/spinner-line.js';
import { TooSmall } from '../components/too-small.js';
import { useBodyNeed } from '../hooks/use-body-need.js';
import { useCapture, useKeymap } from '../hooks/use-keymap.js';
import { useMutation } from '../hooks/use-request.js';
import {
  type FieldErrors,
  type FieldUpdate,
  type FormValues,
  isDirty,
  updateField,
} from '../model/form-values.js';
import type { ConfirmedForm } from '../model/prepaid-form.js';
import type { ViewProps } from './view-props.js';

export type ConfirmedFormViewProps<Body, Result> = ViewProps & {
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  readonly defaults: FormValues;
  readonly validate: (values: FormValues) => ConfirmedForm<Body>;
  readonly send: (body: Body, signal: AbortSignal) => Promise<Result>;
  readonly done: (result: Result) => string;
};

type Step<Body> =
  | { readonly step: 'edit' }
  | {
      readonly step: 'confirm';
      readonly body: Body;
      readonly summary: ReadonlyArray<readonly [string, string]>;
    };

const STATUS_LINES = 3;

/**
 * Form → summary → y/n → send. A refused or failed send returns to the form with every value
 * kept and the server's message shown.
 */
export function ConfirmedFormView<Body, Result>(props: ConfirmedFormViewProps<Body, Result>) {
  const { active, height } = props;
  const actions = useAppActions();
  const [values, setValues] = useState(props.defaults);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<Step<Body>>({ step: 'edit' });
  const send = useMutation(props.send);

  const onChange = useCallback((key: string, value: FieldUpdate) => {
    setValues((current) => updateField(current, key, value));
  }, []);
  const review = () => {
    const result = props.validate(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    send.clearError();
    setState({ step: 'confirm', body: result.body, summary: result.summary });
  };
  const confirm = async (body: Body) => {
    const result = await send.run(body);
    if (result === undefined) {
      setState({ step: 'edit' });
      return;
    }
    actions.invalidate();
    actions.flash(props.done(result.value), 'success');
    actions.pop();
  };
  const confirming = state.step === 'confirm';
  // The edit step: the title, the form, then up to STATUS_LINES for errors, the form first.
  const formHeight = Math.max(1, height - 1 - STATUS_LINES);
  const statusLines = Math.max(0, Math.min(STATUS_LINES, height - 1 - formHeight));
  // The confirm step shows the whole summary with the question, or nothing to answer: a y/n on
  // an order partly off screen would send what the person did not see.
  // The confirm step: the title, the whole summary and the question.
  const need = state.step === 'confirm' ? 1 + state.summary.length + 1 : MIN_BODY_LINES;
  const missing = state.step === 'confirm' ? need - height : 0;
  useBodyNeed(active, need);
  // The form says whether its focused field takes keys; the y/n step takes none.
  useCapture(active && confirming, false);
  useKeymap(
    send.pending
      ? [{ keys: ['esc'], label: 'cancel the request', footer: true, run: send.cancel }]
      : [
          {
            keys: ['esc'],
            label: 'back to the form',
            footer: true,
            run: () => setState({ step: 'edit' }),
          },
        ],
    active && confirming,
  );

  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      {missing > 0 && height < 2 ? null : (
        <Box height={1} flexShrink={0}>
          <Text bold wrap="truncate">
            {safeText(props.title)}
            <Text dimColor>
              {confirming
                ? ' — check, then y to send or n to go back'
                : ' — ↑/↓ move, Enter next, Esc cancel'}
            </Text>
          </Text>
        </Box>
      )}
      {state.step === 'confirm' && missing > 0 ? <TooSmall missing={missing} /> : null}
      {state.step === 'confirm' && missing <= 0 ? (
        <Box flexDirection="column" flexShrink={0}>
          {state.summary.map(([label, value]) => (
            <Box key={label} height={1}>
              <Text wrap="truncate">
                <Text dimColor>{`  ${label}`.padEnd(16)}</Text>
                {safeText(value)}
              </Text>
            </Box>
          ))}
          {send.pending ? (
            <SpinnerLine label="Sending… (Esc cancels)" />
          ) : (
            <Box height={1}>
              <Text>Send this? </Text>
              <ConfirmInput
                isDisabled={!active}
                defaultChoice="cancel"
                onConfirm={() => void confirm(state.body)}
                onCancel={() => setState({ step: 'edit' })}
              />
            </Box>
          )}
        </Box>
      ) : null}
      {/* Kept mounted (hidden) while confirming, so going back finds the focus where it was. */}
      <Box flexDirection="column" flexShrink={0} display={confirming ? 'none' : 'flex'}>
        <Form
          fields={props.fields}
          values={values}
          errors={errors}
          onChange={onChange}
          onSubmit={review}
          onCancel={() => actions.pop()}
          dirty={isDirty(values, props.defaults)}
          submitLabel="Review"
          active={active && !confirming}
          height={formHeight}
        />
        <Box flexDirection="column" height={statusLines} overflowY="hidden">
          {send.error !== undefined ? <ErrorBox error={send.error} maxLines={statusLines} /> : null}
          {errors._form !== undefined ? <Text color="red">✗ {errors._form}</Text> : null}
        </Box>
      </Box>
    </Box>
  );
}
