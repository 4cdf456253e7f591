/**
 * Builds dist/apps-script/Sidebar.html: the side panel and its google.script.run host bundled by esbuild
 * (production React, minified) and inlined into one HTML file, since HtmlService serves a single file and React
 * and Fluent UI ship no build to load from elsewhere. Nothing in it points outside the file.
 */
import { build, type BuildOptions } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ENTRY = fileURLToPath(new URL('../apps-script/sidebar/main.tsx', import.meta.url));
export const SIDEBAR_PATH = fileURLToPath(new URL('../dist/apps-script/Sidebar.html', import.meta.url));
export const SIDEBAR_TARGET = { bytes: 600 * 1024, gzipBytes: 180 * 1024 };

/** esbuild's options for the sidebar's one inline script (build-apps-script.ts reuses them with a metafile). */
export const SIDEBAR_BUILD_OPTIONS = {
  entryPoints: [ENTRY],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  jsx: 'automatic',
  legalComments: 'none',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
} satisfies BuildOptions;

export async function sidebarHtml(): Promise<string> {
  const result = await build(SIDEBAR_BUILD_OPTIONS);
  const script = (result.outputFiles[0]?.text ?? '').replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
  return `<!doctype html>
<html>
  <head>
    <base target="_top" />
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <style>body{margin:0;font-family:'Segoe UI',Roboto,Arial,sans-serif}</style>
  </head>
  <body>
    <div id="root"></div>
    <script>${script}</script>
  </body>
</html>
`;
}

export async function buildSidebar(): Promise<{ bytes: number; gzipBytes: number }> {
  const html = await sidebarHtml();
  await mkdir(fileURLToPath(new URL('../dist/apps-script/', import.meta.url)), { recursive: true });
  await writeFile(SIDEBAR_PATH, html, 'utf8');
  const bytes = Buffer.byteLength(html, 'utf8');
  const gzipBytes = gzipSync(html).length;
  console.log(
    `dist/apps-script/Sidebar.html: ${(bytes / 1024).toFixed(1)} KB, ${(gzipBytes / 1024).toFixed(1)} KB gzipped (targets 600 KB, 180 KB)`,
  );
  return { bytes, gzipBytes };
}
