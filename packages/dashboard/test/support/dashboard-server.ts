import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../server/src/config/config.js';
import { type RunningServer, startServer } from '../../../server/src/server.js';
import { type SmtpPeer, startSmtpPeer } from '../../../server/test/accounts/support/smtp-peer.js';
import { testKeys } from '../../../server/test/support/keyring.js';
import { type CapturedLogs, captureLogs } from '../../../server/test/support/logs.js';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../../server/test/support/postgres.js';

export interface DashboardServer {
  /** `http://127.0.0.1:<port>`: the dashboard's origin and PUBLIC_URL. */
  readonly origin: string;
  /** The running server; its `database` (runtime role) seeds data as the collect path would. */
  readonly server: RunningServer;
  readonly smtp: SmtpPeer;
  readonly logs: CapturedLogs;
  readonly scratch: ScratchDatabase;
  close(): Promise<void>;
}

/**
 * The real server, as `auraflow` starts it, on a scratch PostgreSQL database (runtime role),
 * sending its mail over SMTP to a real SMTP server owned by the test, logging into memory, and
 * serving the built dashboard. Place comes from Cloudflare's headers, which the browser context
 * sends, so that notification mails have a country and region to show.
 */
export async function startDashboardServer(): Promise<DashboardServer> {
  const scratch = await createScratchDatabase();
  const smtp = await startSmtpPeer();
  const logs = captureLogs('trace');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: origin,
    DATABASE_URL: scratch.urls.runtime,
    DEMO_PORT: 'off',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Auraflow <no-reply@auraflow.test>',
    GEO_FROM_CLOUDFLARE_HEADERS: 'true',
    AURAFLOW_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'auraflow-dashboard-')),
    ...testKeys().env,
  });
  const server = await startServer(config, logs.logger);

  return {
    origin,
    server,
    smtp,
    logs,
    scratch,
    async close() {
      await server.close();
      await smtp.close();
      await scratch.drop();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
