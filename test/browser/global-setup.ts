/** Before the browser tests: Chromium present (apt, when missing), dist/playground built and current. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPlayground } from '../../scripts/build-playground.js';
import { playgroundIsStale } from '../../scripts/serve-playground.js';
import { CHROMIUM } from './harness.js';

export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    execFileSync('bash', [fileURLToPath(new URL('../../scripts/ensure-chromium.sh', import.meta.url))], {
      stdio: 'inherit',
    });
  }
  if (playgroundIsStale()) await buildPlayground();
}
