import { useEffect, useRef, useState } from 'react';
import { toApiError } from '../api/api-error.js';
import { FormAlert } from '../components/form.js';

interface ConfirmActionProps {
  readonly label: string;
  /** What the button acts on, for screen readers ("Revoke" → "Revoke Chrome device"). */
  readonly context: string | null;
  /** When set, the action asks for a second click under this warning. */
  readonly warning: string | null;
  readonly run: () => Promise<void>;
}

/** A button for a destructive action, with an inline confirmation when it affects this browser. */
export function ConfirmAction({ label, context, warning, run }: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await run();
    } catch (failure) {
      setError(toApiError(failure).message);
      setPending(false);
    }
  };
  // The first button is gone once confirming: focus follows to the one that confirms.
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const accessibleName = context === null ? undefined : `${label} ${context}`;

  if (warning !== null && confirming) {
    return (
      <fieldset className="confirm">
        <legend>{warning}</legend>
        <button
          ref={confirmButton}
          type="button"
          className="button button--danger"
          onClick={() => void act()}
        >
          {pending ? 'Working…' : `Yes, ${label.toLowerCase()}`}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setConfirming(false)}
        >
          Cancel
        </button>
        {error === null ? null : <FormAlert message={error} />}
      </fieldset>
    );
  }

  return (
    <div className="confirm">
      <button
        type="button"
        className="button button--secondary"
        aria-label={accessibleName}
        aria-disabled={pending}
        onClick={() => (warning === null ? void act() : setConfirming(true))}
      >
        {pending ? 'Working…' : label}
      </button>
      {error === null ? null : <FormAlert message={error} />}
    </div>
  );
}
