import { useCallback, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error.js';

export type FieldErrors<F extends string> = ReadonlyMap<F, string>;

export interface FormSubmit<F extends string> {
  readonly pending: boolean;
  readonly fieldErrors: FieldErrors<F>;
  /** A message for the whole form (the server's, or a notice the screen sets). */
  readonly alert: string | null;
  /** A new object on every failed submit: the form moves focus to the error each time. */
  readonly failure: object | null;
  /** Submits unless a client check failed; the work's errors become field or form messages. */
  submit(checks: FieldErrors<F>, work: () => Promise<void>): Promise<void>;
  /** `submit` for forms without client-side checks (a lone button). */
  run(work: () => Promise<void>): Promise<void>;
  fail(error: ApiError): void;
}

/**
 * Submission state of a form: one request at a time, and each error shown where it belongs.
 * `fieldOf` names the field an error code is about (say, a password policy code), so that its
 * message sits next to that input; other errors become the form's alert.
 */
export function useFormSubmit<F extends string>(
  fieldOf: (code: string) => F | null = () => null,
): FormSubmit<F> {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>(new Map());
  const [alert, setAlert] = useState<string | null>(null);
  const [failure, setFailure] = useState<object | null>(null);
  // A ref, not the state: two quick submits happen before a re-render.
  const busy = useRef(false);

  const fail = useCallback(
    (error: ApiError) => {
      const field = fieldOf(error.code);
      setFieldErrors(field === null ? new Map() : new Map([[field, error.message]]));
      setAlert(field === null ? error.message : null);
      setFailure({});
    },
    [fieldOf],
  );

  const submit = useCallback(
    async (checks: FieldErrors<F>, work: () => Promise<void>) => {
      if (busy.current) return;
      setFieldErrors(checks);
      setAlert(null);
      if (checks.size > 0) {
        setFailure({});
        return;
      }

      busy.current = true;
      setPending(true);
      try {
        await work();
      } catch (error) {
        fail(toApiError(error));
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [fail],
  );

  const run = useCallback((work: () => Promise<void>) => submit(new Map(), work), [submit]);

  return { pending, fieldErrors, alert, failure, submit, run, fail };
}

/** Client-side checks: for each `[field, value, message]`, the message if the value is empty. */
export function requireFilled<F extends string>(
  checks: readonly (readonly [field: F, value: string, message: string])[],
): FieldErrors<F> {
  const empty = checks.filter(([, value]) => value.trim() === '');

  return new Map(empty.map(([field, , message]) => [field, message]));
}
