/**
 * `npm start`: builds the playground when its sources changed since the last build, then serves dist/playground on
 * http://localhost:3000 (`npm start -- --port 3001` for another port). A plain static server on the loopback
 * interface: no certificates, no account, nothing fetched from the network. A Content-Security-Policy header holds
 * the page to its own origin, so it cannot fetch anything from elsewhere either, nor be framed by another page.
 * Requests must name this machine in their `Host` header (localhost, 127.0.0.1 or [::1] with the server's port):
 * a page on another site that points its own name at 127.0.0.1 (DNS rebinding) gets 421, never the playground.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPlayground, PLAYGROUND_DIST } from './build-playground.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['playground', 'core', 'panel', 'vite.config.ts', 'package-lock.json'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Only this origin; inline styles for Fluent UI's and the grid's runtime styles; data:/blob: images and downloads;
 * no other page may show this one in a frame.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * DuckDB-Wasm's worker (dist/playground/duckdb/, *Open an order file*): the same policy, and WebAssembly may be
 * compiled ('wasm-unsafe-eval' allows wasm only, never JavaScript eval). The page itself gets no such right.
 */
export const DUCKDB_WORKER_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
);

/** The names this machine answers to. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * True when a request's `Host` header names this machine on the server's port (a browser leaves out port 80).
 * Anything else (another name, another port, no header) is refused.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const wanted = host.toLowerCase();
  return LOOPBACK_NAMES.some((name) => wanted === `${name}:${port}` || (port === 80 && wanted === name));
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

/** True when dist/playground is missing or older than any of its sources. */
export function playgroundIsStale(): boolean {
  const index = join(PLAYGROUND_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newestChange(join(ROOT, source)) > built);
}

export interface ServeOptions {
  readonly port?: number;
  /** Loopback by default; the playground is for this machine. */
  readonly host?: string;
  readonly dir?: string;
}

export interface Serving {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/** Serves a folder of static files (dist/playground by default). Port 0 picks a free port. */
export function serveStatic({
  port = 3000,
  host = '127.0.0.1',
  dir = PLAYGROUND_DIST,
}: ServeOptions = {}): Promise<Serving> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const { port: listening } = server.address() as AddressInfo;
    if (!isLoopbackHost(request.headers.host, listening)) {
      response
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('This server answers only to localhost, 127.0.0.1 and [::1] on its own port.\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Content-Security-Policy': file.includes(`${sep}duckdb${sep}`) ? DUCKDB_WORKER_POLICY : CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolvePromise({
        url: `http://localhost:${actual}/`,
        port: actual,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function portFromArgs(args: readonly string[]): number {
  let value: string | undefined = process.env.PORT;
  args.forEach((arg, i) => {
    if (arg === '--port' || arg === '-p') value = args[i + 1];
    else if (arg.startsWith('--port=')) value = arg.slice('--port='.length);
  });
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be a port number; it is "${value}"`);
  return port;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = portFromArgs(args);
  if (args.includes('--build') || playgroundIsStale()) await buildPlayground();
  let serving: Serving;
  try {
    serving = await serveStatic({ port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${port} is in use. Try another: npm start -- --port ${port + 1}`);
      process.exit(1);
    }
    throw error;
  }
  console.log(
    `\n  SegmentKit playground: ${serving.url}\n\n  (Ctrl+C to stop; npm start -- --port ${port + 1} for another port)\n`,
  );
  const stop = (): void => {
    void serving.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
