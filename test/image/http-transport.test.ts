// The registry client's node:http transport against real HTTP servers: the same answers as fetch, bodies sent whole
// (bytes or a stream), redirects followed, failures and aborts rejected, and no connection held by an unread answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

import { afterEach, describe, expect, it } from 'vitest';

import { registryFetch } from '../../src/image/http-transport.js';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => {
      s.closeAllConnections();
      return new Promise((r) => s.close(r));
    }),
  );
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('registryFetch', () => {
  it('answers HEAD and GET as fetch does: status, headers by any case, text, JSON and bytes', async () => {
    const base = await serve((req, res) => {
      res.writeHead(req.url === '/missing' ? 404 : 200, {
        'Docker-Content-Digest': 'sha256:abc',
        'Content-Type': 'application/json',
      });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ token: 't', path: req.url }));
    });
    for (const method of ['HEAD', 'GET']) {
      const [ours, theirs] = await Promise.all([
        registryFetch(`${base}/v2/x`, { method }),
        fetch(`${base}/v2/x`, { method }),
      ]);
      expect([ours.status, ours.ok, ours.headers.get('docker-content-digest')]).toEqual([
        theirs.status,
        theirs.ok,
        theirs.headers.get('Docker-Content-Digest'),
      ]);
      expect(await ours.text()).toBe(await theirs.text());
    }
    expect(await (await registryFetch(`${base}/a`)).json()).toEqual({ token: 't', path: '/a' });
    expect(Buffer.from(await (await registryFetch(`${base}/b`)).arrayBuffer()).toString()).toContain('"/b"');
    const missing = await registryFetch(`${base}/missing`);
    expect([missing.status, missing.ok, missing.headers.get('x-absent')]).toEqual([404, false, null]);
  });

  it('sends the headers and a body of bytes or a stream whole', async () => {
    const seen: { method?: string; type?: string; length?: string; body: string }[] = [];
    const base = await serve((req, res, body) => {
      seen.push({
        method: req.method,
        type: req.headers['content-type'],
        length: req.headers['content-length'],
        body: body.toString(),
      });
      res.writeHead(201).end();
    });
    const bytes = Buffer.from('{"manifest":1}');
    const put = await registryFetch(`${base}/m`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: bytes,
    });
    expect(put.status).toBe(201);
    const blob = Buffer.alloc(3 * 1024 * 1024 + 5, 7);
    const stream = Readable.toWeb(Readable.from([blob.subarray(0, 1000), blob.subarray(1000)]));
    const streamed = await registryFetch(`${base}/b`, {
      method: 'PUT',
      headers: { 'Content-Length': String(blob.length) },
      body: stream as ReadableStream<Uint8Array>,
      duplex: 'half',
    });
    expect(streamed.status).toBe(201);
    expect(seen[0]).toEqual({ method: 'PUT', type: 'application/json', length: '14', body: '{"manifest":1}' });
    expect(seen[1]?.length).toBe(String(blob.length));
    expect(seen[1]?.body).toBe(blob.toString());
  });

  it('follows a redirect (through fetch); refuses to send a streamed upload twice', async () => {
    const target = await serve((req, res) => res.writeHead(200).end(`moved here: ${req.url}`));
    const base = await serve((req, res) => res.writeHead(307, { location: `${target}/blob${req.url}` }).end());
    expect(await (await registryFetch(`${base}/x`)).text()).toBe('moved here: /blob/x');
    const stream = Readable.toWeb(Readable.from([Buffer.from('abc')])) as ReadableStream<Uint8Array>;
    await expect(registryFetch(`${base}/up`, { method: 'PUT', body: stream, duplex: 'half' })).rejects.toThrow(
      /redirected a streamed upload \(HTTP 307\)/,
    );
  });

  it('rejects when the server cannot be reached or the signal aborts', async () => {
    const closed = await serve(() => undefined);
    await new Promise((r) => servers.pop()?.close(r));
    await expect(registryFetch(`${closed}/v2/`)).rejects.toThrow(/ECONNREFUSED/);
    const silent = await serve(() => undefined); // never answers
    const controller = new AbortController();
    const pending = registryFetch(`${silent}/v2/`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });

  it('frees the connection of an answer left unread: the next request reuses it', async () => {
    const ports: number[] = [];
    const base = await serve((req, res) => {
      ports.push(req.socket.remotePort ?? 0);
      res.writeHead(200).end('x'.repeat(10_000));
    });
    await registryFetch(`${base}/first`); // body never read
    await new Promise((r) => setTimeout(r, 200));
    await registryFetch(`${base}/second`);
    expect(ports).toHaveLength(2);
    expect(ports[1]).toBe(ports[0]);
  });
});
