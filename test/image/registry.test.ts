// The registry client against small HTTP servers: the Bearer token flow, Basic auth, absent tags and clear errors.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { parseChallenge, RegistryClient, isInsecureByDefault, MANIFEST_ACCEPT } from '../../src/image/registry.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, host: string) => void): Promise<string> {
  const server = createServer((req, res) => handler(req, res, `127.0.0.1:${(server.address() as AddressInfo).port}`));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const basic = (u: string, p: string): string => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

describe('parseChallenge', () => {
  it.each([
    [
      'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull"',
      {
        scheme: 'bearer',
        params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull' },
      },
    ],
    ['Basic realm="Registry Realm"', { scheme: 'basic', params: { realm: 'Registry Realm' } }],
    ['Basic realm=plain', { scheme: 'basic', params: { realm: 'plain' } }],
  ])('%s', (header, expected) => expect(parseChallenge(header)).toEqual(expected));
});

describe('isInsecureByDefault', () => {
  it.each([
    ['127.0.0.1:5000', true],
    ['localhost:5000', true],
    ['127.1.2.3', true],
    ['registry.example:5000', false],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com', false],
  ])('%s → %s', (host, expected) => expect(isInsecureByDefault(host)).toBe(expected));
});

describe('RegistryClient', () => {
  it('follows a Bearer challenge with Basic credentials to the token service, then reuses the token', async () => {
    const seen: string[] = [];
    const masked: string[] = [];
    const host = await serve((req, res, self) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      if (req.url?.startsWith('/token')) {
        const url = new URL(req.url, 'http://x');
        if (req.headers.authorization !== basic('ci', 's3cret') || url.searchParams.get('service') !== 'reg') {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'tok-123' }));
        return;
      }
      expect(req.headers.accept).toBe(MANIFEST_ACCEPT);
      if (req.headers.authorization !== 'Bearer tok-123') {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${self}/token",service="reg",scope="repository:team/iris:pull"`,
          })
          .end();
        return;
      }
      if (req.url === '/v2/team/iris/manifests/ctx-1') res.writeHead(200, { 'docker-content-digest': DIGEST }).end();
      else res.writeHead(404).end();
    });
    const client = new RegistryClient({
      host,
      credentials: { username: 'ci', password: 's3cret' },
      mask: (s) => masked.push(s),
    });
    expect(await client.manifestDigest('team/iris', 'ctx-1')).toBe(DIGEST);
    expect(await client.manifestDigest('team/iris', 'ctx-2')).toBeUndefined();
    expect(masked).toEqual(['tok-123']);
    expect(seen).toEqual([
      'HEAD /v2/team/iris/manifests/ctx-1 -',
      `GET /token?service=reg&scope=repository%3Ateam%2Firis%3Apull ${basic('ci', 's3cret')}`,
      'HEAD /v2/team/iris/manifests/ctx-1 Bearer tok-123',
      'HEAD /v2/team/iris/manifests/ctx-2 Bearer tok-123',
    ]);
  });

  it('answers a Basic challenge, and says clearly when the credentials are wrong or missing', async () => {
    const host = await serve((req, res) => {
      if (req.headers.authorization !== basic('ci', 'right')) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="Registry Realm"' }).end();
        return;
      }
      res.writeHead(404).end();
    });
    await expect(
      new RegistryClient({ host, credentials: { username: 'ci', password: 'right' } }).manifestDigest('a', 't'),
    ).resolves.toBeUndefined();
    await expect(
      new RegistryClient({ host, credentials: { username: 'ci', password: 'wrong' } }).manifestDigest('a', 't'),
    ).rejects.toThrow(`Authentication to the registry ${host} failed for a: it refused the credentials given`);
    await expect(new RegistryClient({ host }).manifestDigest('a', 't')).rejects.toThrow(
      /it asks for a user name and password \(set image.registry-username/,
    );
  });

  it('tags a manifest through the API, getting a push token for the PUT', async () => {
    const seen: string[] = [];
    const manifest = '{"schemaVersion":2}';
    const host = await serve((req, res, self) => {
      if (req.url?.startsWith('/token')) {
        const scope = new URL(req.url, 'http://x').searchParams.get('scope');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `t:${scope}` }));
        return;
      }
      const need = req.method === 'PUT' ? 'repository:a:pull,push' : 'repository:a:pull';
      if (req.headers.authorization !== `Bearer t:${need}`) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${self}/token",service="r",scope="${need}"` });
        res.end();
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${req.headers['content-type'] ?? '-'} ${Buffer.concat(chunks).toString()}`);
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(manifest);
        } else res.writeHead(201).end();
      });
    });
    await new RegistryClient({ host }).tagManifest('a', DIGEST, 'abc123');
    expect(seen).toEqual([
      `GET /v2/a/manifests/${DIGEST} - `,
      `PUT /v2/a/manifests/abc123 application/vnd.oci.image.manifest.v1+json ${manifest}`,
    ]);
  });

  it('asks Docker Hub at its API host', async () => {
    const urls: string[] = [];
    const fetchFake: typeof fetch = (url) => {
      urls.push(url instanceof Request ? url.url : url.toString());
      return Promise.resolve(new Response(null, { status: 404 }));
    };
    await new RegistryClient({ host: 'docker.io', fetch: fetchFake }).manifestDigest('team/iris', 't');
    expect(urls).toEqual(['https://registry-1.docker.io/v2/team/iris/manifests/t']);
  });

  it('reports other statuses and unreachable registries with the host', async () => {
    const host = await serve((_req, res) => res.writeHead(500).end());
    await expect(new RegistryClient({ host }).manifestDigest('a', 't')).rejects.toThrow(
      `${host} answered HTTP 500 for a:t`,
    );
    await expect(new RegistryClient({ host: '127.0.0.1:1' }).manifestDigest('a', 't')).rejects.toThrow(
      /Cannot reach the registry 127.0.0.1:1/,
    );
  });
});

describe('RegistryClient.warmUp', () => {
  it('asks the registry for /v2/ on the connection the next requests use, and a failure costs nothing', async () => {
    const seen: string[] = [];
    const sockets = new Set<unknown>();
    const host = await serve((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      sockets.add(req.socket);
      res.writeHead(req.url === '/v2/' ? 401 : 404, { 'Content-Type': 'application/json' }).end('{}');
    });
    const client = new RegistryClient({ host });
    client.warmUp();
    await expect.poll(() => seen).toEqual(['GET /v2/']);
    expect(await client.manifestDigest('a/b', 'ctx-1')).toBeUndefined();
    expect(seen).toEqual(['GET /v2/', 'HEAD /v2/a/b/manifests/ctx-1']);
    expect(sockets.size).toBe(1);

    const failing = new RegistryClient({ host, fetch: () => Promise.reject(new Error('no network')) });
    expect(() => failing.warmUp()).not.toThrow();
    const throwing = new RegistryClient({
      host,
      fetch: () => {
        throw new Error('sync');
      },
    });
    expect(() => throwing.warmUp()).not.toThrow();
    await new Promise((r) => setTimeout(r, 10)); // an unhandled rejection would fail the run here
  });
});
