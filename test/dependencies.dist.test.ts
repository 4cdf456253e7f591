/**
 * No unused dependency: every package of package.json (dependencies and devDependencies) is imported by a source,
 * test, script or config file, run as a command by a package.json script, or is the types or a peer of a package
 * that is (lodash, marked and react-responsive-carousel are peers the grid's own modules import).
 *
 * knip works this out from the module graph (its plugins read the vite, vitest, webpack, eslint and prettier
 * configs; knip.json names the entry files that only a build script's path string reaches). knip does not read
 * shell scripts, so a package it calls unused still counts when scripts/*.sh, .ci/run or .ci/scripts/*.sh runs one
 * of its commands. About 4 s of CPU: knip runs on dependencies only.
 * @see https://knip.dev/typescript/unused-dependencies
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KNIP = path.join(ROOT, 'node_modules/knip/bin/knip.js');

interface KnipIssue {
  readonly dependencies?: readonly { readonly name: string }[];
  readonly devDependencies?: readonly { readonly name: string }[];
  readonly optionalPeerDependencies?: readonly { readonly name: string }[];
}

/** The packages knip finds unused, from its JSON report. */
function knipUnused(): string[] {
  const run = spawnSync(
    process.execPath,
    [KNIP, '--include', 'dependencies', '--reporter', 'json', '--no-progress', '--no-config-hints'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  // knip exits 1 when it finds issues, 2 when it cannot run
  expect(run.status, run.stderr).not.toBe(2);
  const report = JSON.parse(run.stdout) as { issues: KnipIssue[] };
  return report.issues.flatMap((issue) =>
    [...(issue.dependencies ?? []), ...(issue.devDependencies ?? []), ...(issue.optionalPeerDependencies ?? [])].map(
      (d) => d.name,
    ),
  );
}

/** The shell scripts that run commands: scripts/*.sh, .ci/run and .ci/scripts/*.sh. */
function shellScripts(): string[] {
  const inDir = (dir: string): string[] =>
    existsSync(path.join(ROOT, dir))
      ? readdirSync(path.join(ROOT, dir))
          .filter((f) => f.endsWith('.sh'))
          .map((f) => path.join(dir, f))
      : [];
  return [...inDir('scripts'), '.ci/run', ...inDir('.ci/scripts')]
    .filter((file) => existsSync(path.join(ROOT, file)))
    .map((file) => readFileSync(path.join(ROOT, file), 'utf8'));
}

/** The commands a package installs (its package.json `bin`). */
function commandsOf(name: string): string[] {
  const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) return [];
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> };
  if (typeof bin === 'string') return [name.replace(/^@[^/]+\//, '')];
  return Object.keys(bin ?? {});
}

function runByShellScript(name: string, scripts: readonly string[]): boolean {
  return commandsOf(name).some((command) => {
    const escaped = command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const call = new RegExp(`(^|[\\s;&|(\`])(npx\\s+)?${escaped}(?=\\s|$)`, 'm');
    return scripts.some((text) => call.test(text));
  });
}

describe('dependencies', () => {
  it('lists no package that nothing uses', () => {
    const scripts = shellScripts();
    const unused = knipUnused().filter((name) => !runByShellScript(name, scripts));
    expect(unused, 'unused in package.json: npm uninstall them, or use them').toEqual([]);
  });
});
