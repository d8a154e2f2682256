import { useState } from 'react';
import {
  type SecondFactor,
  type SignInProgress,
  sendSignInCode,
  submitSecondFactor,
} from '../api/auth-api.js';
import { CheckboxField } from '../components/checkbox-field.js';
import { Form } from '../components/form.js';
import { Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { SubmitButton } from '../components/submit-button.js';
import { TextField } from '../components/text-field.js';
import { requireFilled, useFormSubmit } from '../components/use-form-submit.js';
import { RestartButton, restartIfEnded, type StepProps } from './sign-in-steps.js';

const METHOD_NAMES: Readonly<Record<SecondFactor, string>> = {
  totp: 'Authenticator app',
  email: 'Code by email',
  recovery: 'Recovery code',
};

const CODE_LABELS: Readonly<Record<SecondFactor, string>> = {
  totp: '6-digit code from your authenticator app',
  email: '6-digit code from the email',
  recovery: 'Recovery code',
};

/** The second factor: the methods the API offers, in its order; email needs a code sent first. */
export function SecondFactorStep({
  progress,
  onProgress,
  onRestart,
}: StepProps & {
  readonly progress: SignInProgress;
}) {
  const [method, setMethod] = useState<SecondFactor>(progress.secondFactors[0] ?? 'email');
  const [code, setCode] = useState('');
  const [staySignedIn, setStaySignedIn] = useState(false);
  const [codeSent, setCodeSent] = useState(false);
  const form = useFormSubmit<'code'>(codeField);

  const choose = (next: SecondFactor) => {
    setMethod(next);
    setCode('');
  };
  const submit = () =>
    form.submit(requireFilled([['code', code, `Enter the ${CODE_LABELS[method]}.`]]), () =>
      restartIfEnded(onRestart, async () =>
        onProgress(await submitSecondFactor(method, code.trim(), staySignedIn)),
      ),
    );
  const needsCode = method === 'email' && !codeSent;

  return (
    <section className="card card--narrow">
      <PageHeading>Confirm it's you</PageHeading>
      <MethodChoice methods={progress.secondFactors} method={method} onChoose={choose} />
      {method === 'email' ? (
        <EmailCodeSender sent={codeSent} onSent={() => setCodeSent(true)} onRestart={onRestart} />
      ) : null}
      {needsCode ? null : (
        <Form onSubmit={submit} alert={form.alert} failure={form.failure}>
          <CodeField method={method} code={code} onCode={setCode} form={form.fieldErrors} />
          {progress.staySignedInOffered ? (
            <CheckboxField
              id="stay-signed-in"
              label="Stay signed in on this device"
              hint="For up to 30 days. Offered because this browser is one of your devices."
              checked={staySignedIn}
              onChecked={setStaySignedIn}
            />
          ) : null}
          <SubmitButton pending={form.pending} pendingLabel="Checking…">
            Sign in
          </SubmitButton>
        </Form>
      )}
      <RestartButton onRestart={onRestart} />
    </section>
  );
}

function codeField(code: string): 'code' | null {
  return code === 'AUTH_CODE_INVALID' ? 'code' : null;
}

interface MethodChoiceProps {
  readonly methods: readonly SecondFactor[];
  readonly method: SecondFactor;
  readonly onChoose: (method: SecondFactor) => void;
}

function MethodChoice({ methods, method, onChoose }: MethodChoiceProps) {
  if (methods.length < 2) return null;

  return (
    <fieldset className="choice">
      <legend>Confirm with</legend>
      {methods.map((option) => (
        <div key={option} className="choice-option">
          <input
            type="radio"
            id={`method-${option}`}
            name="second-factor"
            checked={option === method}
            onChange={() => onChoose(option)}
          />
          <label htmlFor={`method-${option}`}>{METHOD_NAMES[option]}</label>
        </div>
      ))}
    </fieldset>
  );
}

interface CodeFieldProps {
  readonly method: SecondFactor;
  readonly code: string;
  readonly onCode: (code: string) => void;
  readonly form: ReadonlyMap<'code', string>;
}

function CodeField({ method, code, onCode, form }: CodeFieldProps) {
  const digits = method !== 'recovery';

  return (
    <TextField
      id="sign-in-code"
      label={CODE_LABELS[method]}
      hint={
        method === 'recovery' ? 'One of the codes you saved, like abcd-efgh-ijkl-mnop.' : undefined
      }
      autoComplete="one-time-code"
      inputMode={digits ? 'numeric' : 'text'}
      spellCheck={false}
      value={code}
      onValue={onCode}
      error={form.get('code')}
    />
  );
}

interface EmailCodeSenderProps {
  readonly sent: boolean;
  readonly onSent: () => void;
  readonly onRestart: (reason: string | null) => Promise<void>;
}

function EmailCodeSender({ sent, onSent, onRestart }: EmailCodeSenderProps) {
  const form = useFormSubmit<never>();
  const send = () =>
    form.run(() =>
      restartIfEnded(onRestart, async () => {
        await sendSignInCode();
        onSent();
      }),
    );

  return (
    <Form onSubmit={send} alert={form.alert} failure={form.failure} label="Emailed code">
      {sent ? (
        <Notice tone="success">
          We emailed you a 6-digit code. It works once, for 10 minutes.
        </Notice>
      ) : (
        <p>We will email a 6-digit code to the address of your account.</p>
      )}
      <SubmitButton pending={form.pending} pendingLabel="Sending…" variant="secondary">
        {sent ? 'Send another code' : 'Email me a code'}
      </SubmitButton>
    </Form>
  );
}
