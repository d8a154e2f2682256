import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTracker } from '../../scripts/build.mjs';
import type { TrackerManifest } from '../../src/index.js';

export interface TestBuild {
  distDir: string;
  manifest: TrackerManifest;
  /** dist/snippet.html, with `{{API_ORIGIN}}` and `{{SITE_KEY}}` placeholders. */
  snippetTemplate: string;
}

/**
 * Builds the tracker into a private temporary folder. Test files run in parallel, so none of
 * them may rebuild `dist/` under another one's feet; the budget test alone builds `dist/`.
 */
export async function buildForTests(): Promise<TestBuild> {
  const distDir = await mkdtemp(join(tmpdir(), 'auraflow-tracker-'));
  const { manifest } = await buildTracker({ outDir: distDir, extensionDir: null, log: () => {} });
  const snippetTemplate = await readFile(join(distDir, 'snippet.html'), 'utf8');

  return { distDir, manifest, snippetTemplate };
}
