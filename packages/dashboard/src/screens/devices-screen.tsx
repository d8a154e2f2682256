import { useCallback } from 'react';
import {
  type AccountSession,
  type Device,
  listDevices,
  listSessions,
  revokeDevice,
  revokeSession,
} from '../api/account-api.js';
import { signOutEverywhere } from '../api/auth-api.js';
import { FormAlert } from '../components/form.js';
import { PageHeading } from '../components/page-heading.js';
import { useLoader } from '../components/use-loader.js';
import { formatDateTime } from '../format/date-format.js';
import { formatPlace } from '../format/place-format.js';
import { useSession } from '../session/session-context.js';
import { ConfirmAction } from './confirm-action.js';

interface Security {
  readonly devices: readonly Device[];
  readonly sessions: readonly AccountSession[];
}

/** Recognised devices and live sessions, each revocable, and "sign out everywhere". */
export function DevicesScreen() {
  const session = useSession();
  const load = useCallback(
    async (): Promise<Security> => ({
      devices: await listDevices(),
      sessions: await listSessions(),
    }),
    [],
  );
  const { state, reload } = useLoader(load);

  // Ending the current session or device signs this browser out: the app returns to sign-in.
  const afterRevoke = async (current: boolean) => {
    if (current) session.clear('You signed this browser out.');
    else reload();
  };

  return (
    <section className="page">
      <PageHeading>Devices and sessions</PageHeading>
      {state.status === 'loading' ? <p aria-busy="true">Loading…</p> : null}
      {state.status === 'failed' ? <FormAlert message={state.error.message} /> : null}
      {state.status === 'ready' ? (
        <>
          <DeviceList devices={state.data.devices} onRevoked={afterRevoke} />
          <SessionList sessions={state.data.sessions} onRevoked={afterRevoke} />
        </>
      ) : null}
      <SignOutEverywhere onDone={() => session.clear('You signed out everywhere.')} />
    </section>
  );
}

interface DeviceListProps {
  readonly devices: readonly Device[];
  readonly onRevoked: (current: boolean) => Promise<void>;
}

function DeviceList({ devices, onRevoked }: DeviceListProps) {
  return (
    <div className="card">
      <h2 className="subheading">Recognised devices</h2>
      <p className="muted">
        Browsers you confirmed with an emailed code. Signing in elsewhere asks for that extra step.
      </p>
      {devices.length === 0 ? <p>No recognised devices.</p> : null}
      <ul className="item-list" aria-label="Recognised devices">
        {devices.map((device) => (
          <li key={device.deviceId} className="item">
            <div>
              <p className="item-title">
                {device.browserFamily} · {formatPlace(device.country, device.region)}
                {device.current ? <span className="badge">This device</span> : null}
              </p>
              <p className="muted">
                First seen {formatDateTime(device.firstSeenAt)} · last seen{' '}
                {formatDateTime(device.lastSeenAt)}
              </p>
            </div>
            <ConfirmAction
              label="Revoke"
              context={`${device.browserFamily} device`}
              warning={device.current ? 'This signs this browser out.' : null}
              run={async () => {
                await revokeDevice(device.deviceId);
                await onRevoked(device.current);
              }}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

interface SessionListProps {
  readonly sessions: readonly AccountSession[];
  readonly onRevoked: (current: boolean) => Promise<void>;
}

function SessionList({ sessions, onRevoked }: SessionListProps) {
  return (
    <div className="card">
      <h2 className="subheading">Sessions</h2>
      <ul className="item-list" aria-label="Sessions">
        {sessions.map((entry) => (
          <li key={entry.sessionId} className="item">
            <div>
              <p className="item-title">
                {entry.browserFamily} · {formatPlace(entry.country, entry.region)}
                {entry.current ? <span className="badge">This session</span> : null}
              </p>
              <p className="muted">{describeSession(entry)}</p>
            </div>
            <ConfirmAction
              label="End"
              context={`${entry.browserFamily} session`}
              warning={entry.current ? 'This signs this browser out.' : null}
              run={async () => {
                await revokeSession(entry.sessionId);
                await onRevoked(entry.current);
              }}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function describeSession(entry: AccountSession): string {
  const state = entry.stage === 'active' ? 'Signed in' : 'Sign-in in progress';
  const kind = entry.persistent ? ', stays signed in' : '';

  return `${state}${kind} · since ${formatDateTime(entry.createdAt)} · ends by ${formatDateTime(
    entry.expiresAt,
  )}`;
}

function SignOutEverywhere({ onDone }: { readonly onDone: () => void }) {
  return (
    <div className="card">
      <h2 className="subheading">Sign out everywhere</h2>
      <p className="muted">
        Ends every session of your account, this one included. Devices stay recognised.
      </p>
      <ConfirmAction
        label="Sign out everywhere"
        context={null}
        warning="Every browser signed in to your account, this one too, will be signed out."
        run={async () => {
          await signOutEverywhere();
          onDone();
        }}
      />
    </div>
  );
}
