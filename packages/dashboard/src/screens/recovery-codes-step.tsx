import { useState } from 'react';
import { CheckboxField } from '../components/checkbox-field.js';
import { Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { takeReturnPath } from '../routing/return-path.js';
import { navigate } from '../routing/router.js';
import { useSession } from '../session/session-context.js';

interface RecoveryCodesStepProps {
  readonly codes: readonly string[];
  /** The enrolment a shop required, whose confirmation completed the sign-in. */
  readonly completesSignIn: boolean;
  readonly onDone: () => void;
}

/** The recovery codes, shown this once: the API never returns them again. */
export function RecoveryCodesStep({ codes, completesSignIn, onDone }: RecoveryCodesStepProps) {
  const session = useSession();
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  const finish = async () => {
    if (!saved || pending) return;
    setPending(true);
    // Only now: refreshing earlier would re-render the app around this page and lose the codes.
    await session.refresh();
    if (completesSignIn) navigate(takeReturnPath(), { replace: true });
    else onDone();
  };

  return (
    <section className="page">
      <PageHeading>Save your recovery codes</PageHeading>
      <div className="card">
        <Notice tone="warning">
          This is the only time these codes are shown. Each one signs you in once if you lose your
          phone. Keep them somewhere safe, such as a password manager.
        </Notice>
        <ol className="recovery-codes" aria-label="Recovery codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <CheckboxField
          id="codes-saved"
          label="I have saved these codes"
          checked={saved}
          onChecked={setSaved}
        />
        <button
          type="button"
          className="button button--primary"
          aria-disabled={!saved || pending}
          onClick={() => void finish()}
        >
          Continue
        </button>
      </div>
    </section>
  );
}
