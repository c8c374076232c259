// A small static server for the LMS tests: serves an unpacked package under /pkg/, scorm-again's browser
// builds under /scorm-again/, and a host page (an LMS's frame page) at /host.html. One origin, as an LMS
// serves its packages.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

const SCORM_AGAIN = resolve(import.meta.dirname, '..', '..', 'node_modules', 'scorm-again', 'dist');

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

function sendFile(path: string, response: import('node:http').ServerResponse, rewrite?: (bytes: Buffer) => Buffer | null): void {
  if (!existsSync(path) || !statSync(path).isFile()) {
    response.writeHead(404).end('not found');
    return;
  }
  const bytes = readFileSync(path);
  response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  response.end(rewrite?.(bytes) ?? bytes);
}

/** Changes a served file of the package (e.g. a "new deployment" of sw.js); null leaves it as it is. */
export type Rewrite = (path: string, bytes: Buffer) => Buffer | null;

/** Serves `packageDir` at /pkg/ and `hostPage` at /host.html on 127.0.0.1 (a free port). */
export async function serveLms(packageDir: string, hostPage: string, rewrite?: Rewrite): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    if (path === '/host.html') {
      response.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' }).end(hostPage);
      return;
    }
    const serveFrom = (base: string, rest: string, change?: Rewrite) => {
      const target = normalize(join(base, rest));
      if (!target.startsWith(base)) return void response.writeHead(403).end();
      sendFile(target, response, change ? (bytes) => change(rest, bytes) : undefined);
    };
    if (path.startsWith('/scorm-again/')) return serveFrom(SCORM_AGAIN, path.slice('/scorm-again/'.length));
    if (path.startsWith('/pkg/')) return serveFrom(packageDir, path.slice('/pkg/'.length) || 'index.html', rewrite);
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
