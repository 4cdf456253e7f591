// The Excel add-in build: `webpack --mode production` writes dist/addin/ (no certificates needed);
// `webpack serve --mode development` serves it at https://localhost:3000 with office-addin-dev-certs.
//
// dist/addin/
//   taskpane.html      the shared runtime's page: Office.js from Microsoft's CDN (a script tag, never bundled),
//                      then functions.js and taskpane.js
//   functions.js       the custom functions (SEG namespace), core included, self-contained: addin/register.ts
//                      associates every catalog function in one loop
//   functions.json     custom-function metadata, written from the catalog by addin/functions-metadata.ts (loaded
//                      with tsx, since this config is JavaScript and that file TypeScript)
//   functions-vi.json  the same metadata with Vietnamese descriptions, the manifest's vi-VN override
//   taskpane.js        the task pane
//                      (each .js opens with a comment naming every third-party package bundled into it, with its
//                      version and licence, and the licence texts; terser also keeps the packages' own licence
//                      comments in taskpane.js.LICENSE.txt)
//   assets/            icons
//   manifest.xml       the add-in manifest; with SEGMENTKIT_URL=https://host/path/ set, every https://localhost:3000/
//                      in it becomes that address (the manifest at the root stays the development one)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { tsImport } from 'tsx/esm/api';
import webpack from 'webpack';
import { licenceNotice, packagesOf } from './scripts/licence-notice.js';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(ROOT, 'dist/addin');
const FUNCTIONS_ENTRY = path.join(ROOT, 'addin/register.ts');
const FUNCTIONS_METADATA = path.join(ROOT, 'addin/functions-metadata.ts');
const DEV_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;
/** The issue's size target for functions.js, minified. */
const FUNCTIONS_JS_TARGET_BYTES = 150 * 1024;

/** Where the add-in is served from in the manifest written to dist (default: the development server). */
function publicUrl() {
  const raw = process.env.SEGMENTKIT_URL;
  if (!raw) return DEV_URL;
  const url = raw.endsWith('/') ? raw : `${raw}/`;
  if (!/^https:\/\/[^\s"'<>]+$/.test(url)) {
    throw new Error(`SEGMENTKIT_URL must be an https:// address; it is ${JSON.stringify(raw)}`);
  }
  return url;
}

/**
 * Emits functions.json and functions-vi.json as addin/functions-metadata.ts writes them from the catalog. tsx
 * imports that file afresh for every compilation (each tsImport is a new module namespace), so a watching dev server
 * serves the metadata of the catalog as it is now.
 */
class FunctionsMetadataPlugin {
  apply(compiler) {
    const name = 'FunctionsMetadataPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(FUNCTIONS_METADATA);
      compilation.hooks.processAssets.tapPromise(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          try {
            const { metadataFiles } = await tsImport(pathToFileURL(FUNCTIONS_METADATA).href, import.meta.url);
            for (const [file, text] of Object.entries(metadataFiles())) {
              compilation.emitAsset(file, new webpack.sources.RawSource(text));
            }
          } catch (error) {
            const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
            compilation.errors.push(new webpack.WebpackError(`addin/functions-metadata.ts: ${message}`));
          }
        },
      );
    });
  }
}

/**
 * Copies the icons (assets/*.png) and manifest.xml into the output, the manifest with its development address
 * replaced by `url`.
 */
class CopyFilesPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    const name = 'CopyFilesPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const assetsDir = path.join(ROOT, 'assets');
        compilation.contextDependencies.add(assetsDir);
        for (const file of readdirSync(assetsDir)
          .filter((f) => f.endsWith('.png'))
          .sort()) {
          const from = path.join(assetsDir, file);
          compilation.fileDependencies.add(from);
          compilation.emitAsset(`assets/${file}`, new webpack.sources.RawSource(readFileSync(from)));
        }
        const manifestPath = path.join(ROOT, 'manifest.xml');
        compilation.fileDependencies.add(manifestPath);
        const manifest = readFileSync(manifestPath, 'utf8').split(DEV_URL).join(this.url);
        compilation.emitAsset('manifest.xml', new webpack.sources.RawSource(manifest));
      });
    });
  }
}

/**
 * Copies DuckDB-Wasm's single-threaded ("eh") wasm and worker into duckdb/ beside the task pane, so *Open an order
 * file* loads them from the add-in's own origin (panel/order-file/duckdb-wasm.ts), never from a CDN.
 */
class DuckDBWasmPlugin {
  apply(compiler) {
    const name = 'DuckDBWasmPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const file of ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js']) {
          const from = path.join(ROOT, 'node_modules/@duckdb/duckdb-wasm/dist', file);
          compilation.fileDependencies.add(from);
          compilation.emitAsset(`duckdb/${file}`, new webpack.sources.RawSource(readFileSync(from)), {
            // Built and minified by DuckDB already.
            minimized: true,
          });
        }
      });
    });
  }
}

/** Every source file a webpack module (a plain one, or one concatenated from several) was built from. */
function moduleFiles(module, into) {
  if (module.modules) for (const inner of module.modules) moduleFiles(inner, into);
  if (typeof module.resource === 'string') into.add(module.resource.split('?')[0]);
  return into;
}

/**
 * Opens each emitted .js file with licenceNotice() for the modules of its chunk. Runs after minification (so terser
 * neither drops nor extracts it) and before the source maps are made (so a development build's maps still line up).
 */
class LicenceNoticePlugin {
  apply(compiler) {
    const name = 'LicenceNoticePlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 },
        () => {
          for (const chunk of compilation.chunks) {
            // Each file names what it bundles itself: a chunk loaded on demand (DuckDB-Wasm's library) carries its own
            // notice, so the task pane does not download those licence texts until it loads that chunk.
            const files = new Set();
            for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) moduleFiles(module, files);
            const notice = licenceNotice(packagesOf(files));
            for (const file of chunk.files) {
              if (!file.endsWith('.js')) continue;
              compilation.updateAsset(file, (source) => new webpack.sources.ConcatSource(notice, source));
            }
          }
        },
      );
    });
  }
}

/** Prints the size of functions.js after each build (minified and gzipped in production). */
class FunctionsSizePlugin {
  constructor(production) {
    this.production = production;
  }
  apply(compiler) {
    const name = 'FunctionsSizePlugin';
    let line;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      line = undefined;
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const asset = compilation.getAsset('functions.js');
        if (!asset) return;
        const buffer = asset.source.buffer();
        const gzipped = zlib.gzipSync(buffer, { level: 9 }).length;
        const kb = (bytes) => (bytes / 1024).toFixed(1);
        const verdict = buffer.length <= FUNCTIONS_JS_TARGET_BYTES ? 'within' : 'OVER';
        line = this.production
          ? `dist/addin/functions.js: ${buffer.length} bytes (${kb(buffer.length)} KB minified, ` +
            `${kb(gzipped)} KB gzipped; ${verdict} the 150 KB target)`
          : `functions.js: ${kb(buffer.length)} KB (development build, not minified)`;
      });
    });
    compiler.hooks.done.tap(name, () => {
      if (line) console.log(line);
    });
  }
}

async function devServerOptions() {
  const certs = await import('office-addin-dev-certs');
  const getHttpsServerOptions = certs.getHttpsServerOptions ?? certs.default.getHttpsServerOptions;
  return {
    port: DEV_PORT,
    server: { type: 'https', options: await getHttpsServerOptions() },
    headers: { 'Access-Control-Allow-Origin': '*' },
    hot: false,
    static: false,
  };
}

export default async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const url = publicUrl();
  return {
    context: ROOT,
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    target: ['web', 'es2019'],
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: path.join(ROOT, 'addin/taskpane.ts'),
    },
    output: {
      path: OUT,
      filename: '[name].js',
      publicPath: '',
      clean: true,
      // Write every file, even one unchanged since the last build, so that each output's time says when it was
      // built (test/hosts/excel-vm.ts rebuilds when a source is newer than the oldest output).
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The TypeScript sources import each other as `./x.js`.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Types are checked by `npm run typecheck`; webpack only transpiles.
              transpileOnly: true,
              configFile: path.join(ROOT, 'tsconfig.json'),
              compilerOptions: { noEmit: false, target: 'ES2019', module: 'ESNext', sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new FunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.join(ROOT, 'addin/taskpane.html'),
        // The shared runtime loads the custom functions from the task pane page.
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CopyFilesPlugin(url),
      new DuckDBWasmPlugin(),
      new LicenceNoticePlugin(),
      new FunctionsSizePlugin(production),
    ],
    // The task pane carries React and Fluent UI (the side panel): about 480 KB minified, 130 KB gzipped.
    performance: {
      hints: production ? 'warning' : false,
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 700 * 1024,
      // DuckDB-Wasm (duckdb/) is loaded only when a user opens an order file.
      assetFilter: (file) => !file.startsWith('duckdb/') && !file.endsWith('.map'),
    },
    devServer: env.WEBPACK_SERVE ? await devServerOptions() : undefined,
  };
};
