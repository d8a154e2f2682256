// Collect API throughput and latency on real PostgreSQL, against a bare Fastify route measured
// in the same run on the same machine. Run after `npm run build`:
//   node packages/server/bench/collect-throughput.mjs [seconds=10] [connections=20]
// Needs a PostgreSQL superuser URL in AURAFLOW_BENCH_ADMIN_URL
// (default postgres://postgres@127.0.0.1:5432/postgres); it provisions and drops its own database.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const dist = new URL('../dist/', import.meta.url);
const { openPostgres } = await import(new URL('db/database.js', dist));
const { migrate } = await import(new URL('db/migrator.js', dist));
const { provisionPostgres } = await import(new URL('db/provision.js', dist));
const { FieldCipher } = await import(new URL('crypto/field-cipher.js', dist));
const { parseKeyring } = await import(new URL('crypto/keyring.js', dist));
const { createShop } = await import(new URL('shops/shop-repository.js', dist));
const { ARCHETYPE_IDS, TAXONOMY_VERSION } = await import('@auraflow/taxonomy');

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 20);
const adminUrl =
  process.env.AURAFLOW_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `auraflow_bench_${randomBytes(3).toString('hex')}`;
const ORIGIN = 'https://bench-store.example';

const env = {
  AURAFLOW_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  AURAFLOW_ENCRYPTION_ACTIVE_KEY: 'bench',
  AURAFLOW_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
};

async function setUp() {
  const urls = await provisionPostgres({
    adminUrl,
    database,
    ownerRole: 'auraflow_bench_owner',
    runtimeRole: 'auraflow_bench_app',
  });
  const owner = openPostgres(urls.ownerUrl, 1);
  await migrate(owner.db);
  await owner.close();

  const runtime = openPostgres(urls.runtimeUrl, 1);
  const cipher = new FieldCipher(
    parseKeyring({
      encryptionKeys: env.AURAFLOW_ENCRYPTION_KEYS,
      activeKeyId: env.AURAFLOW_ENCRYPTION_ACTIVE_KEY,
      blindIndexKey: env.AURAFLOW_BLIND_INDEX_KEY,
    }),
  );
  const shop = await createShop(runtime, cipher, { name: 'Bench store', origins: [ORIGIN] });
  await runtime.close();
  return { runtimeUrl: urls.runtimeUrl, siteKey: shop.siteKey };
}

async function startProcess(args, extraEnv, readyPattern) {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  while (!readyPattern.test(output)) {
    await Promise.race([
      once(child.stdout, 'data'),
      once(child, 'exit').then(() => {
        throw new Error(`process exited early: ${output}`);
      }),
    ]);
  }
  return child;
}

const BARE = `
import Fastify from 'fastify';
const app = Fastify();
app.post('/bare', async (request, reply) => {
  JSON.parse(request.body);
  return reply.code(204).send();
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
console.log('bare ready');
`;

function collectBody(siteKey, visitor, seq) {
  const top = ARCHETYPE_IDS[visitor % ARCHETYPE_IDS.length];
  const probabilities = Object.fromEntries(ARCHETYPE_IDS.map((id) => [id, id === top ? 0.4 : 0.1]));
  return JSON.stringify({
    siteKey,
    visitorId: `v${String(visitor).padStart(21, '0')}`,
    sessionId: `s${String(visitor).padStart(21, '0')}`,
    taxonomyVersion: TAXONOMY_VERSION,
    batch: [{ seq, probabilities, confidence: 0.5 }],
  });
}

async function load(url, bodyFor) {
  let counter = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN },
    requests: [
      {
        setupRequest(request) {
          counter += 1;
          // Shoppers arrive from many addresses, as they would through a CDN.
          const source = `100.${64 + (counter % 64)}.${(counter >> 6) % 256}.${counter % 250}`;
          const headers = { ...request.headers, 'x-forwarded-for': source };
          return { ...request, headers, body: bodyFor(counter) };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const { runtimeUrl, siteKey } = await setUp();
const server = await startProcess(
  [
    ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
    fileURLToPath(new URL('main.js', dist)),
  ],
  {
    ...env,
    NODE_ENV: 'production',
    DATABASE_URL: runtimeUrl,
    PUBLIC_URL: 'https://bench.example',
    PORT: '18181',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'true',
    COLLECT_LIMIT_PER_SOURCE: '1000000',
    COLLECT_LIMIT_PER_SHOP: '100000000',
    // Production requires mail settings; nothing is mailed in this benchmark.
    SMTP_URL: 'smtp://127.0.0.1:2525',
    MAIL_FROM: 'bench@example.com',
  },
  /running/,
);
const bare = await startProcess(
  ['--input-type=module', '-e', BARE],
  { PORT: '18182', NODE_PATH: fileURLToPath(new URL('../../../node_modules', import.meta.url)) },
  /bare ready/,
);

try {
  // 10,000 visitors, each posting increasing sequence numbers: every request is a real upsert.
  const visitors = 10_000;
  const baseline = await load('http://127.0.0.1:18182/bare', (n) =>
    collectBody(siteKey, n % visitors, Math.floor(n / visitors) + 1),
  );
  const collect = await load('http://127.0.0.1:18181/v1/collect', (n) =>
    collectBody(siteKey, n % visitors, Math.floor(n / visitors) + 1),
  );
  const ratio = collect.requestsPerSecond / baseline.requestsPerSecond;

  console.log(`connections ${connections}, ${seconds} s each`);
  console.log('route            req/s     p50 ms  p99 ms  non-2xx  errors');
  for (const [name, r] of [
    ['bare Fastify', baseline],
    ['POST /v1/collect', collect],
  ]) {
    console.log(
      `${name.padEnd(16)} ${r.requestsPerSecond.toFixed(0).padStart(7)}  ${String(r.p50Ms).padStart(6)}  ${String(r.p99Ms).padStart(6)}  ${String(r.non2xx).padStart(7)}  ${r.errors}`,
    );
  }
  if (collect.non2xx > 0 || collect.errors > 0) {
    console.log('WARNING: some collect requests failed; the figures do not measure stored writes');
  }
  console.log(`collect / bare throughput ratio: ${ratio.toFixed(2)} (goal: at least 0.5)`);
} finally {
  server.kill('SIGTERM');
  bare.kill('SIGTERM');
  await Promise.all([once(server, 'exit'), once(bare, 'exit')]);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  await admin.end();
}
