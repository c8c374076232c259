// A small statement-recording server on 127.0.0.1 that answers as an xAPI LRS and a cmi5 LMS do: the
// fetch URL hands out an auth token, the State API holds the cmi5 launch data, the statements resource
// stores statements (by id: the same id twice is stored once, as an LRS does) and answers 200 with their
// ids and the `X-Experience-API-Version` header. `failNext(predicate)` makes one matching POST fail with
// 503, to exercise the client's retry.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  status: number;
  statements: Record<string, unknown>[];
}

export interface LrsServer {
  origin: string;
  endpoint: string;
  fetchUrl: string;
  token: string;
  fetchCount: () => number;
  /** Every POST to /statements, in order, with the status it got. */
  posts: ReceivedPost[];
  /** The stored statements by id, in the order first stored. */
  stored: Map<string, Record<string, unknown>>;
  /** Statements received again with an id already stored but different content (must stay empty). */
  conflicts: string[];
  failNext(predicate: (statement: Record<string, unknown>) => boolean): void;
  close(): Promise<void>;
}

export async function startLrs(launchData: Record<string, unknown>): Promise<LrsServer> {
  const token = Buffer.from('kc-test:secret').toString('base64');
  let fetches = 0;
  const posts: ReceivedPost[] = [];
  const stored = new Map<string, Record<string, unknown>>();
  const conflicts: string[] = [];
  let failure: ((statement: Record<string, unknown>) => boolean) | null = null;
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
    'Access-Control-Expose-Headers': 'X-Experience-API-Version',
    'X-Experience-API-Version': '1.0.3',
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const json = (status: number, body: unknown) => response.writeHead(status, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
      if (url.pathname === '/fetch' && request.method === 'POST') {
        fetches += 1;
        return json(200, { 'auth-token': token });
      }
      if (!url.pathname.startsWith('/xapi/')) return json(404, { error: 'not found' });
      if (request.headers.authorization !== `Basic ${token}`) return json(401, { error: 'no token' });
      if (url.pathname === '/xapi/activities/state' && request.method === 'GET') return json(200, launchData);
      if (url.pathname === '/xapi/agents/profile') return json(404, { error: 'no profile' });
      if (url.pathname === '/xapi/statements' && (request.method === 'POST' || request.method === 'PUT')) {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
        const statements = (Array.isArray(body) ? body : [body]) as Record<string, unknown>[];
        if (failure && statements.some(failure)) {
          failure = null;
          posts.push({ status: 503, statements });
          return json(503, { error: 'try again' });
        }
        posts.push({ status: 200, statements });
        for (const statement of statements) {
          const id = String(statement.id);
          const kept = stored.get(id);
          if (kept && JSON.stringify(kept) !== JSON.stringify(statement)) conflicts.push(id);
          if (!kept) stored.set(id, statement);
        }
        return json(200, statements.map((statement) => statement.id));
      }
      return json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    endpoint: `${origin}/xapi/`,
    fetchUrl: `${origin}/fetch`,
    token,
    fetchCount: () => fetches,
    posts,
    stored,
    conflicts,
    failNext: (predicate) => {
      failure = predicate;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
