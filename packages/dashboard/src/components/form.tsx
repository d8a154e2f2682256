import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';

interface FormProps {
  readonly onSubmit: () => void;
  /** A message about the whole form, announced and focused when it appears. */
  readonly alert: string | null;
  /** Changes on every failed submit; focus then moves to the first invalid field or the alert. */
  readonly failure: object | null;
  readonly children: ReactNode;
  readonly label?: string;
}

/**
 * A form that validates itself (`noValidate`: our messages, in our layout, announced the same
 * way as the server's) and moves focus to what needs fixing after a failed submit.
 */
export function Form({ onSubmit, alert, failure, children, label }: FormProps) {
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (failure === null) return;
    const target = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert');
    target?.focus();
  }, [failure]);

  const handle = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form ref={ref} className="form" noValidate onSubmit={handle} aria-label={label}>
      {alert === null ? null : <FormAlert message={alert} />}
      {children}
    </form>
  );
}

/** An error about a whole form: role="alert" makes screen readers speak it when it appears. */
export function FormAlert({ message }: { readonly message: string }) {
  return (
    <div className="form-alert" role="alert" tabIndex={-1}>
      {message}
    </div>
  );
}
