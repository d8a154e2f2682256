import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { listenOnLoopback } from './listen.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the collect endpoint answers: normally, 503, or by dropping the connection. */
export type CollectMode = 'ok' | 'unavailable' | 'reset';

export interface ApiServer {
  origin: string;
  /** Every request that reached this server, in order. */
  requests: RecordedRequest[];
  collectMode: CollectMode;
  /** Serve this tracker file with one byte changed. */
  tamper: 'loader' | 'core' | null;
  /** Parsed bodies of the collect requests answered with 2xx so far. */
  acceptedBodies(): unknown[];
  close(): Promise<void>;
}

const CONFIG_BODY = JSON.stringify({
  taxonomyVersion: '2026-12',
  calibration: {
    temperature: 1,
    logPriorAdjustment: {
      deal_seeker: 0,
      researcher: 0,
      impulse_buyer: 0,
      social_proof_seeker: 0,
      loyalist: 0,
      explorer: 0,
      overwhelmed: 0,
    },
  },
});

/**
 * A stand-in for the Auraflow API, speaking its protocol over real HTTP: tracker files at
 * `/t/<file>` (as the server will serve `dist/`), the config API and the collect API. It
 * records every request so that tests can check exactly what left the browser.
 */
export async function startApiServer(distDir: string): Promise<ApiServer> {
  const accepted: unknown[] = [];
  const state: ApiServer = {
    origin: '',
    requests: [],
    collectMode: 'ok',
    tamper: null,
    acceptedBodies: () => [...accepted],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      state.requests.push(recorded);
      void answer(recorded, response);
    });
  });

  const answer = async (request: RecordedRequest, response: ServerResponse): Promise<void> => {
    response.setHeader('Access-Control-Allow-Origin', '*');

    const file = /^\/t\/(auraflow-(loader|core)\.[0-9a-f]{8}\.js)$/.exec(request.path);
    if (request.method === 'GET' && file?.[1]) {
      const code = await readFile(join(distDir, file[1])).catch(() => null);
      if (!code) return void response.writeHead(404).end();
      if (state.tamper === file[2]) flipOneByte(code);
      response.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      return void response.end(code);
    }

    if (request.method === 'GET' && request.path.startsWith('/v1/config/')) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      return void response.end(CONFIG_BODY);
    }

    if (request.method === 'POST' && request.path === '/v1/collect') {
      if (state.collectMode === 'reset') return void response.socket?.destroy();
      if (state.collectMode === 'unavailable') return void response.writeHead(503).end();
      accepted.push(JSON.parse(request.body));
      return void response.writeHead(204).end();
    }

    response.writeHead(404).end();
  };

  state.origin = `http://127.0.0.1:${await listenOnLoopback(server)}`;

  return state;
}

/**
 * Changes exactly one byte without breaking the script: the trailing newline becomes a space.
 * Were integrity not enforced, the tampered file would still run, so a test that sees it
 * refused is seeing SRI at work, not a syntax error.
 */
function flipOneByte(code: Buffer): void {
  const last = code.length - 1;
  if (code[last] !== 0x0a) throw new Error('expected the bundle to end with a newline');
  code[last] = 0x20;
}
