/**
 * The playground's static server (`npm start`): it answers only requests that name this machine in their `Host`
 * header (a DNS-rebinding page gets 421), and its pages carry a Content-Security-Policy that keeps them to their own
 * origin and out of other sites' frames.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost, serveStatic, type Serving } from '../scripts/serve-playground.js';

let serving: Serving;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segmentkit-serve-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>playground</title>');
  serving = await serveStatic({ port: 0, dir });
});

afterAll(async () => {
  await serving?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A GET to the server on 127.0.0.1 with the given `Host` header (fetch cannot set it). */
function get(host: string, path = '/'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: serving.port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the playground server', () => {
  it('serves the page to localhost, 127.0.0.1 and [::1] on its port', async () => {
    for (const name of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST']) {
      const answer = await get(`${name}:${serving.port}`);
      expect(answer.status, name).toBe(200);
      expect(answer.body).toContain('<title>playground</title>');
    }
  });

  it('refuses any other Host with 421 and nothing of the page', async () => {
    for (const host of [
      `evil.example:${serving.port}`,
      'evil.example',
      `localhost.evil.example:${serving.port}`,
      `127.0.0.1.nip.io:${serving.port}`,
      `localhost:${serving.port + 1}`,
      'localhost',
    ]) {
      const answer = await get(host);
      expect(answer.status, host).toBe(421);
      expect(answer.body, host).not.toContain('playground</title>');
    }
  });

  it('sends a Content-Security-Policy that keeps the page to its origin and out of frames', async () => {
    const answer = await get(`localhost:${serving.port}`);
    const policy = String(answer.headers['content-security-policy']);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(answer.headers['x-frame-options']).toBe('DENY');
  });

  it('reads the Host header as the browser sends it', () => {
    expect(isLoopbackHost('localhost:3000', 3000)).toBe(true);
    expect(isLoopbackHost('[::1]:3000', 3000)).toBe(true);
    expect(isLoopbackHost('localhost', 80)).toBe(true);
    expect(isLoopbackHost('localhost', 3000)).toBe(false);
    expect(isLoopbackHost(undefined, 3000)).toBe(false);
    expect(isLoopbackHost('::1:3000', 3000)).toBe(false);
  });
});
