import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built entry points, as an operator runs them. */
export const MAIN_JS = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
export const CLI_JS = fileURLToPath(new URL('../../dist/cli/auraflow.js', import.meta.url));

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a built entry point with exactly `env` (plus PATH) until it exits, or kills it after
 * `timeoutMs`. For start-up failures, which must exit on their own.
 */
export function runNode(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
