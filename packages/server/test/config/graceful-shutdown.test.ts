import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testKeys } from '../support/keyring.js';
import { MAIN_JS } from '../support/process.js';

describe('graceful shutdown', () => {
  it('stops on SIGTERM: finishes, closes the database and exits 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'auraflow-shutdown-'));
    const child = spawn(process.execPath, [MAIN_JS], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: '0',
        DEMO_PORT: 'off',
        AURAFLOW_DATA_DIR: path.join(dir, 'data'),
        ...testKeys().env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    const deadline = Date.now() + 30_000;
    while (!output.includes('Auraflow is running') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGTERM');

    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"shutting down"');
  });
});
