/**
 * The licence notice every bundle opens with, shared by webpack.config.js (dist/addin) and
 * scripts/build-apps-script.ts (Code.js, Sidebar.html): SegmentKit's licence, one line per bundled third-party package
 * (`name@version (licence)`), then each distinct licence text once with the packages it covers. Plain JavaScript so
 * the webpack config, which stays JavaScript, can import it; its types are in licence-notice.d.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The package a bundled file comes from: the directory after its last `node_modules/`, and that name. */
export function packageOf(file) {
  const match = /^(.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+))[\\/]/.exec(file);
  return match ? { dir: match[1], name: match[2].replace(/\\/g, '/') } : undefined;
}

/** A package.json `license` (a string, an old `{ type }` object, or an old `licenses` list) as one string. */
function licenceName(json) {
  const one = (value) => (typeof value === 'string' ? value : (value?.type ?? 'unknown'));
  if (json.license) return one(json.license);
  if (Array.isArray(json.licenses) && json.licenses.length > 0) return json.licenses.map(one).join(' OR ');
  return 'unknown';
}

/** A package.json `repository` (a string or `{ url }`) as an address. */
function repositoryOf(json) {
  const value = json.repository;
  const url = typeof value === 'string' ? value : value?.url;
  return typeof url === 'string' ? url.replace(/^git\+/, '') : undefined;
}

/**
 * A licence file's text, each line trimmed, blank runs collapsed, and a first line that only repeats the package's
 * name dropped (Fluent UI's files start so), so packages that share a licence share one text.
 */
function licenceText(dir, name) {
  const file = readdirSync(dir).find((entry) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(entry));
  if (!file) return undefined;
  const lines = readFileSync(path.join(dir, file), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim());
  while (lines.length > 0 && (lines[0] === '' || lines[0] === name)) lines.shift();
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Name, version, licence and licence text of every package that bundled files come from, sorted by name. */
export function packagesOf(files) {
  const dirs = new Map();
  for (const file of files) {
    const pkg = packageOf(file);
    if (pkg && !dirs.has(pkg.name)) dirs.set(pkg.name, pkg.dir);
  }
  return [...dirs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, dir]) => {
      const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      return {
        name,
        version: json.version ?? '?',
        licence: licenceName(json),
        text: licenceText(dir, name),
        repository: repositoryOf(json),
      };
    });
}

/** The notice itself: a `/*!` comment (which minifiers keep), safe inside an inline <script>. */
export function licenceNotice(packages) {
  const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const licenceFile = path.join(ROOT, 'LICENSE');
  const copyright = existsSync(licenceFile)
    ? readFileSync(licenceFile, 'utf8')
        .split(/\r?\n/)
        .find((line) => line.startsWith('Copyright'))
    : undefined;
  const lines = [`SegmentKit ${own.version}, ${own.license} License${copyright ? `, ${copyright.trim()}` : ''}.`];
  if (packages.length === 0) lines.push('Third-party packages bundled in this file: none.');
  else {
    lines.push('Third-party packages bundled in this file, with their licences:');
    for (const pkg of packages) lines.push(`  ${pkg.name}@${pkg.version} (${pkg.licence})`);
    const texts = new Map();
    for (const pkg of packages) {
      const key =
        pkg.text ??
        `No licence file in the package; its package.json declares ${pkg.licence}` +
          (pkg.repository ? ` (source: ${pkg.repository}).` : '.');
      texts.set(key, [...(texts.get(key) ?? []), pkg.name]);
    }
    lines.push('', 'Licence texts, each once, after the packages it covers:');
    for (const [text, names] of texts) lines.push('', `== ${names.join(', ')}`, ...text.split('\n'));
  }
  const body = lines
    .map((line) => (line === '' ? ' *' : ` * ${line}`))
    .join('\n')
    .replace(/\*\//g, '* /')
    .replace(/<\/script/gi, '<\\/script');
  return `/*!\n${body}\n */\n`;
}
