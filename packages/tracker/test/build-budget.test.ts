import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrackerFile, TrackerManifest } from '../src/index.js';

// The build's promises, checked on its real output: `npm run build -w @auraflow/tracker`
// writes dist/ and the Shopify theme app extension; the size budget holds and every
// integrity value matches the bytes it pins.

const repoDir = fileURLToPath(new URL('../../../', import.meta.url));
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const extensionDir = `${repoDir}shopify/extensions/auraflow-embed/`;

let buildOutput = '';
let manifest: TrackerManifest;

beforeAll(async () => {
  const { stdout } = await promisify(execFile)('npm', ['run', 'build', '-w', '@auraflow/tracker'], {
    cwd: repoDir,
  });
  buildOutput = stdout;
  manifest = JSON.parse(await readFile(`${distDir}manifest.json`, 'utf8'));
});

function integrityOf(bytes: Buffer): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

describe('the tracker build', () => {
  it('keeps loader + core within 6,144 bytes gzip, and each file within 10,000', () => {
    expect(manifest.loader.gzipBytes + manifest.core.gzipBytes).toBeLessThanOrEqual(6_144);
    expect(manifest.total.gzipBytes).toBe(manifest.loader.gzipBytes + manifest.core.gzipBytes);
    expect(manifest.loader.gzipBytes).toBeLessThanOrEqual(10_000);
    expect(manifest.core.gzipBytes).toBeLessThanOrEqual(10_000);
  });

  it('prints the sizes it measured', () => {
    for (const file of [manifest.loader, manifest.core]) {
      expect(buildOutput).toContain(file.file);
      expect(buildOutput).toContain(file.gzipBytes.toLocaleString('en-US'));
    }
    expect(buildOutput).toMatch(/total/);
  });

  it.each(['loader', 'core'] as const)(
    'describes the %s by its real bytes: size, gzip size, SHA-384 and content-hashed name',
    async (role) => {
      const file: TrackerFile = manifest[role];
      const bytes = await readFile(`${distDir}${file.file}`);

      expect(file.file).toMatch(new RegExp(`^auraflow-${role}\\.[0-9a-f]{8}\\.js$`));
      expect(file.bytes).toBe(bytes.byteLength);
      expect(file.gzipBytes).toBe(gzipSync(bytes, { level: 9 }).byteLength);
      expect(file.integrity).toBe(integrityOf(bytes));
      const hex = createHash('sha384').update(bytes).digest('hex');
      expect(file.file).toContain(hex.slice(0, 8));
    },
  );

  it("bakes the core's name and integrity into the loader", async () => {
    const loader = await readFile(`${distDir}${manifest.loader.file}`, 'utf8');

    expect(loader).toContain(manifest.core.file);
    expect(loader).toContain(manifest.core.integrity);
  });

  it('writes a snippet that pins the loader, with placeholders for the API and the site key', async () => {
    const snippet = await readFile(`${distDir}snippet.html`, 'utf8');

    expect(snippet).toContain(`src="{{API_ORIGIN}}/t/${manifest.loader.file}"`);
    expect(snippet).toContain(`integrity="${manifest.loader.integrity}"`);
    expect(snippet).toContain('crossorigin="anonymous"');
    expect(snippet).toContain('data-site-key="{{SITE_KEY}}"');
    expect(snippet).toContain('data-api="{{API_ORIGIN}}"');
    expect(snippet).not.toContain('data-allow-automation');
  });

  it('generates the Shopify app embed block for the head, pinning the same loader', async () => {
    const block = await readFile(`${extensionDir}blocks/auraflow-embed.liquid`, 'utf8');
    const toml = await readFile(`${extensionDir}shopify.extension.toml`, 'utf8');
    const schemaText = /\{% schema %\}([\s\S]*)\{% endschema %\}/.exec(block)?.[1] ?? '{}';
    const schema: unknown = JSON.parse(schemaText);

    expect(toml).toMatch(/^type = "theme"$/m);
    expect(schema).toMatchObject({ target: 'head' });
    expect(block).toContain(`/t/${manifest.loader.file}"`);
    expect(block).toContain(`integrity="${manifest.loader.integrity}"`);
    expect(block).toContain('crossorigin="anonymous"');
    expect(block).toContain('app.metafields.auraflow.site_key');
    expect(block).not.toContain('script_tag');
    for (const locale of ['en.default.json', 'en.default.schema.json']) {
      const text = await readFile(`${extensionDir}locales/${locale}`, 'utf8');
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });
});
