import type { ReactNode } from 'react';

interface SubmitButtonProps {
  readonly pending: boolean;
  readonly children: ReactNode;
  /** Shown while the request runs. */
  readonly pendingLabel: string;
  readonly variant?: 'primary' | 'secondary';
}

/**
 * Stays focusable while pending (aria-disabled, not disabled): disabling the focused button would
 * drop keyboard focus to the page. The form ignores submits while one is running.
 */
export function SubmitButton({ pending, children, pendingLabel, variant }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      className={`button button--${variant ?? 'primary'}`}
      aria-disabled={pending}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
