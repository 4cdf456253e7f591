/** `npm run build`: every artifact a user installs, into dist/. */
import { execFileSync } from 'node:child_process';
import { buildCli } from '../cli/build.js';
import { buildAppsScript } from './build-apps-script.js';
import { buildPlayground } from './build-playground.js';

await buildAppsScript();
execFileSync('npx', ['webpack', '--mode', 'production'], { stdio: 'inherit' });
await buildPlayground();
await buildCli();
