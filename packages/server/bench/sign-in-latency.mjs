// Sign-in latency under 20 concurrent sign-ins, and the collect API's p99 alone and while the
// sign-ins run (password hashing must not starve the collect path). Real PostgreSQL, the built
// server in its own process, autocannon as the load generator. Run after `npm run build`:
//   node packages/server/bench/sign-in-latency.mjs [sign-ins=600] [users=40]
// PASSWORD_CONCURRENCY=n overrides the server's Argon2id gate (default: cores − 1) to compare.
// Needs a PostgreSQL superuser URL in AURAFLOW_BENCH_ADMIN_URL
// (default postgres://postgres@127.0.0.1:5432/postgres); it provisions and drops its own database.
// `node sign-in-latency.mjs serve` is the server half, started by the benchmark itself.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const dist = new URL('../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist));
const PUBLIC_URL = 'https://bench.example';
const STORE_ORIGIN = 'https://bench-store.example';
const PASSWORD = 'bench-granite-harbour-42';
const SIGN_IN_CONNECTIONS = 20;
const taxonomy = await import('@auraflow/taxonomy');
const COLLECT_CONNECTIONS = 10;

if (process.argv[2] === 'serve') {
  await serve();
} else {
  await benchmark(Number(process.argv[2] ?? 600), Number(process.argv[3] ?? 40));
}

/** The server half: the real app from dist, with the keyring, on the runtime role. */
async function serve() {
  const { loadConfig } = await load('config/config.js');
  const { FieldCipher } = await load('crypto/field-cipher.js');
  const { parseKeyring } = await load('crypto/keyring.js');
  const { openPostgres } = await load('db/database.js');
  const { buildApp } = await load('http/app.js');
  const { createLogger } = await load('logging/logger.js');
  const { createMailer } = await load('email/mailer.js');

  const config = loadConfig(process.env);
  const keyring = parseKeyring({
    encryptionKeys: process.env.AURAFLOW_ENCRYPTION_KEYS,
    activeKeyId: process.env.AURAFLOW_ENCRYPTION_ACTIVE_KEY,
    blindIndexKey: process.env.AURAFLOW_BLIND_INDEX_KEY,
  });
  const database = openPostgres(config.database.url, config.database.poolMax);
  const app = await buildApp({
    config,
    database,
    cipher: new FieldCipher(keyring),
    keyring,
    mailer: createMailer(config, null),
    logger: createLogger({ level: 'warn' }),
    accounts: {
      limits: { signInPerSourcePerMinute: 1e6, signInPerAccountPerMinute: 1e6 },
      // Unset: the default gate (cores − 1). Set to compare, e.g. the core count (no headroom).
      ...(process.env.PASSWORD_CONCURRENCY === undefined
        ? {}
        : { passwordConcurrency: Number(process.env.PASSWORD_CONCURRENCY) }),
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  console.log(`listening http://127.0.0.1:${address.port}`);
  process.once('SIGTERM', async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}

async function benchmark(signIns, users) {
  const adminUrl =
    process.env.AURAFLOW_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `auraflow_bench_${randomBytes(3).toString('hex')}`;
  const env = {
    AURAFLOW_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    AURAFLOW_ENCRYPTION_ACTIVE_KEY: 'bench',
    AURAFLOW_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
  };

  const { runtimeUrl, siteKey, emails } = await setUp(adminUrl, name, env, users);
  const server = await startServer({ ...env, DATABASE_URL: runtimeUrl });
  try {
    const results = await measure(server.url, siteKey, emails, signIns);
    report(results, signIns, users);
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  }
}

/** A scratch database, migrated; a shop with a storefront origin; `users` verified accounts. */
async function setUp(adminUrl, database, env, users) {
  const { provisionPostgres } = await load('db/provision.js');
  const { openPostgres } = await load('db/database.js');
  const { migrate } = await load('db/migrator.js');
  const { FieldCipher } = await load('crypto/field-cipher.js');
  const { parseKeyring } = await load('crypto/keyring.js');
  const { hashPassword } = await load('crypto/password-hasher.js');
  const { createShop } = await load('shops/shop-repository.js');
  const { insertUser, markEmailVerified } = await load('accounts/user-repository.js');

  const urls = await provisionPostgres({
    adminUrl,
    database,
    ownerRole: 'auraflow_bench_owner',
    runtimeRole: 'auraflow_bench_app',
  });
  const owner = openPostgres(urls.ownerUrl, 1);
  await migrate(owner.db);
  await owner.close();

  const keyring = parseKeyring({
    encryptionKeys: env.AURAFLOW_ENCRYPTION_KEYS,
    activeKeyId: env.AURAFLOW_ENCRYPTION_ACTIVE_KEY,
    blindIndexKey: env.AURAFLOW_BLIND_INDEX_KEY,
  });
  const cipher = new FieldCipher(keyring);
  const runtime = openPostgres(urls.runtimeUrl, 4);
  const shop = await createShop(runtime, cipher, { name: 'Bench store', origins: [STORE_ORIGIN] });
  const passwordHash = await hashPassword(PASSWORD);
  const emails = [];
  for (let index = 0; index < users; index += 1) {
    const userId = randomUUID();
    const email = `bench-user-${index}@bench.example`;
    const now = new Date();
    await insertUser(runtime.db, keyring, cipher, {
      userId,
      normalisedEmail: email,
      passwordHash,
      now,
    });
    await markEmailVerified(runtime.db, userId, now);
    emails.push(email);
  }
  await runtime.close();
  return { runtimeUrl: urls.runtimeUrl, siteKey: shop.siteKey, emails };
}

async function startServer(extraEnv) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'serve'], {
    env: {
      PATH: process.env.PATH,
      ...extraEnv,
      NODE_ENV: 'production',
      PUBLIC_URL,
      // Nothing is mailed on the password step; the URL only satisfies production's checks.
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'Auraflow <no-reply@bench.example>',
      TRUST_PROXY: 'true',
      ...(process.env.PASSWORD_CONCURRENCY === undefined
        ? {}
        : { PASSWORD_CONCURRENCY: process.env.PASSWORD_CONCURRENCY }),
      COLLECT_LIMIT_PER_SOURCE: '1000000',
      COLLECT_LIMIT_PER_SHOP: '100000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  while (!/listening (\S+)/.test(output)) {
    await Promise.race([
      once(child.stdout, 'data'),
      once(child, 'exit').then(() => {
        throw new Error(`server exited early: ${output}`);
      }),
    ]);
  }
  return { child, url: /listening (\S+)/.exec(output)[1] };
}

async function measure(url, siteKey, emails, signIns) {
  // Warm both paths (JIT, pool, dummy hash) before measuring.
  await signInLoad(url, emails, 40);
  await collectLoad(url, siteKey, { amount: 2000 });

  const collectAlone = await collectLoad(url, siteKey, { duration: 10 });
  const signInAlone = await signInLoad(url, emails, signIns);
  const collectDuring = collectLoad(url, siteKey, { duration: 600, stoppable: true });
  const signInLoaded = await signInLoad(url, emails, signIns);
  collectDuring.stop();
  return { collectAlone, signInAlone, signInLoaded, collectLoaded: await collectDuring.result };
}

/** `amount` password steps from 20 connections, cycling through the users. */
async function signInLoad(url, emails, amount) {
  let counter = 0;
  const result = await autocannon({
    url: `${url}/v1/auth/sign-in`,
    method: 'POST',
    connections: SIGN_IN_CONNECTIONS,
    amount,
    headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
    requests: [
      {
        setupRequest(request) {
          counter += 1;
          const email = emails[counter % emails.length];
          const headers = { ...request.headers, 'x-forwarded-for': `198.18.0.${counter % 250}` };
          return { ...request, headers, body: JSON.stringify({ email, password: PASSWORD }) };
        },
      },
    ],
  });
  return summary(result);
}

/** Valid score batches from 10 connections, each request a real visitor upsert. */
function collectLoad(url, siteKey, { amount, duration, stoppable = false }) {
  let counter = 0;
  const instance = autocannon({
    url: `${url}/v1/collect`,
    method: 'POST',
    connections: COLLECT_CONNECTIONS,
    ...(amount === undefined ? { duration } : { amount }),
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: STORE_ORIGIN },
    requests: [
      {
        setupRequest(request) {
          counter += 1;
          const source = `100.${64 + (counter % 64)}.${(counter >> 6) % 256}.${counter % 250}`;
          const headers = { ...request.headers, 'x-forwarded-for': source };
          return { ...request, headers, body: collectBody(siteKey, counter) };
        },
      },
    ],
  });
  const result = instance.then(summary);
  return stoppable ? { stop: () => instance.stop(), result } : result;
}

function collectBody(siteKey, counter) {
  const { ARCHETYPE_IDS, TAXONOMY_VERSION } = taxonomy;
  const visitor = counter % 10_000;
  const top = ARCHETYPE_IDS[visitor % ARCHETYPE_IDS.length];
  const probabilities = Object.fromEntries(
    ARCHETYPE_IDS.map((id) => [id, id === top ? 0.4 : 0.6 / (ARCHETYPE_IDS.length - 1)]),
  );
  return JSON.stringify({
    siteKey,
    visitorId: `v${String(visitor).padStart(21, '0')}`,
    sessionId: `s${String(visitor).padStart(21, '0')}`,
    taxonomyVersion: TAXONOMY_VERSION,
    batch: [{ seq: Math.floor(counter / 10_000) + 1, probabilities, confidence: 0.5 }],
  });
}

function summary(result) {
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function report(results, signIns, users) {
  const rows = [
    ['sign-in (password step) alone', results.signInAlone],
    ['sign-in while collect runs', results.signInLoaded],
    ['POST /v1/collect alone', results.collectAlone],
    ['POST /v1/collect during sign-ins', results.collectLoaded],
  ];
  console.log(
    `${signIns} sign-ins over ${SIGN_IN_CONNECTIONS} connections (${users} users); ` +
      `collect over ${COLLECT_CONNECTIONS} connections`,
  );
  console.log('load                                requests   req/s  p50 ms  p99 ms  non-2xx');
  for (const [name, r] of rows) {
    console.log(
      `${name.padEnd(34)} ${String(r.requests).padStart(9)} ${r.perSecond.toFixed(0).padStart(7)}` +
        ` ${String(r.p50Ms).padStart(7)} ${String(r.p99Ms).padStart(7)}` +
        ` ${String(r.non2xx).padStart(8)}`,
    );
  }
  const ratio = results.collectLoaded.p99Ms / results.collectAlone.p99Ms;
  console.log(`collect p99 during sign-ins / alone: ${ratio.toFixed(2)}`);
  if (rows.some(([, r]) => r.non2xx > 0 || r.errors > 0)) {
    console.log('WARNING: some requests failed; the figures do not measure successful requests');
  }
}
