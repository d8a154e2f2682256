import { useState } from 'react';
import type { TotpEnrolment } from '../api/account-api.js';
import type { Stage } from '../api/auth-api.js';
import { PageHeading } from '../components/page-heading.js';
import { useSignedInView } from '../session/session-context.js';
import { AuthenticatorStatus } from './authenticator-status.js';
import { EnrolmentStep } from './enrolment-step.js';
import { RecoveryCodesStep } from './recovery-codes-step.js';

type Phase =
  | { readonly name: 'status' }
  | { readonly name: 'enrolling'; readonly enrolment: TotpEnrolment }
  | { readonly name: 'codes'; readonly codes: readonly string[]; readonly stage: Stage };

/**
 * Two-step verification: set up (or replace) the authenticator app by QR code or secret, confirm
 * with a code from it, then see the recovery codes once. At the 'totp_enrolment' stage (a shop
 * requires the app) this page is all the session may do, and finishing it completes sign-in.
 */
export function MfaScreen() {
  const view = useSignedInView();
  const [phase, setPhase] = useState<Phase>({ name: 'status' });

  if (phase.name === 'enrolling') {
    return (
      <EnrolmentStep
        enrolment={phase.enrolment}
        onConfirmed={(codes, stage) => setPhase({ name: 'codes', codes, stage })}
        onCancel={() => setPhase({ name: 'status' })}
      />
    );
  }
  if (phase.name === 'codes') {
    return (
      <RecoveryCodesStep
        codes={phase.codes}
        completesSignIn={view.stage === 'totp_enrolment' && phase.stage === 'active'}
        onDone={() => setPhase({ name: 'status' })}
      />
    );
  }

  return (
    <section className="page">
      <PageHeading>Two-step verification</PageHeading>
      <AuthenticatorStatus
        onEnrolment={(enrolment) => setPhase({ name: 'enrolling', enrolment })}
        onNewCodes={(codes) => setPhase({ name: 'codes', codes, stage: view.stage })}
      />
    </section>
  );
}
