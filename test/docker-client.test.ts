import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  createContainer,
  createDocker,
  engineInfo,
  engineSocket,
  prefetchDefaultEngineInfo,
  SOCKET_HOST,
  talksOverSocket,
} from '../src/docker-client.js';
import { memoizeDocker, prefetchEngineInfo as prefetchPipelineInfo } from '../src/pipeline/docker.js';

afterEach(() => vi.unstubAllEnvs());

describe('createDocker', () => {
  it('talks over a Unix socket when DOCKER_HOST is unset or unix://, otherwise over the network', () => {
    expect(talksOverSocket({})).toBe(true);
    expect(talksOverSocket({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toBe(true);
    expect(talksOverSocket({ DOCKER_HOST: 'tcp://10.0.0.5:2376' })).toBe(false);
    expect(talksOverSocket({ DOCKER_HOST: 'ssh://ci@builder' })).toBe(false);
  });

  it('sends an IPv4 Host header over a socket only: a TCP or TLS engine keeps its own name', async () => {
    type Modem = { headers: Record<string, string>; socketPath?: unknown; host?: string };
    vi.stubEnv('DOCKER_HOST', '');
    const overSocket = (await createDocker()).modem as unknown as Modem;
    expect(overSocket.socketPath).toBeDefined();
    expect(overSocket.headers).toEqual({ host: SOCKET_HOST });
    expect(SOCKET_HOST).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    vi.stubEnv('DOCKER_HOST', 'tcp://10.0.0.5:2376');
    const overTcp = (await createDocker()).modem as unknown as Modem;
    expect(overTcp.host).toBe('10.0.0.5');
    expect(overTcp.headers).toEqual({});
  });
});

describe('engineSocket', () => {
  it('dials the socket docker-modem dials: DOCKER_HOST, else Docker Desktop’s when it exists, else /var/run', async () => {
    expect(await engineSocket({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toBe('/run/user/1000/docker.sock');
    const home = mkdtempSync(join(tmpdir(), 'smt-home-'));
    vi.stubEnv('HOME', home);
    expect(await engineSocket({})).toBe('/var/run/docker.sock');
    mkdirSync(join(home, '.docker', 'run'), { recursive: true });
    writeFileSync(join(home, '.docker', 'run', 'docker.sock'), '');
    expect(await engineSocket({})).toBe(join(home, '.docker', 'run', 'docker.sock'));
    expect(await engineSocket({ DOCKER_HOST: 'unix://' })).toBe(join(home, '.docker', 'run', 'docker.sock'));
    rmSync(home, { recursive: true, force: true });
  });
});

describe('prefetchDefaultEngineInfo', () => {
  /** An engine stand-in on a Unix socket that answers GET /info with `status` and counts the requests. */
  async function engineOnSocket(status: number): Promise<{ socket: string; requests: string[]; close: () => void }> {
    const dir = mkdtempSync(join(tmpdir(), 'smt-engine-'));
    const socket = join(dir, 'docker.sock');
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
      res.setHeader('content-type', 'application/json');
      // As dockerd routes: GET /info (or a versioned /vX.Y/info); anything else is not found.
      if (req.method !== 'GET' || !/^(\/v\d+\.\d+)?\/info$/.test(req.url ?? '')) {
        res.writeHead(404).end('{"message":"page not found"}');
        return;
      }
      res.writeHead(status);
      res.end(status === 200 ? JSON.stringify({ ServerVersion: '27.3.1', MemTotal: 8 << 30 }) : '{"message":"boom"}');
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    return {
      socket,
      requests,
      close: () => {
        server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('asks a socket engine before any client exists; the next client takes that answer and does not ask again', async () => {
    const engine = await engineOnSocket(200);
    vi.stubEnv('DOCKER_HOST', `unix://${engine.socket}`);
    try {
      expect(prefetchDefaultEngineInfo()).toBe(true);
      expect(prefetchDefaultEngineInfo()).toBe(true); // one request, however often it is asked
      const docker = await createDocker();
      expect(await engineInfo(docker)).toEqual({ ServerVersion: '27.3.1', MemTotal: 8 << 30 });
      expect(engine.requests).toEqual(['GET /info']);
      // Taken once: a later run asks again, through the client.
      await engineInfo(docker);
      expect(engine.requests).toHaveLength(2);
    } finally {
      engine.close();
    }
  });

  it('leaves a failed early answer to the client, which asks again and reports its own error', async () => {
    const engine = await engineOnSocket(500);
    vi.stubEnv('DOCKER_HOST', `unix://${engine.socket}`);
    try {
      prefetchDefaultEngineInfo();
      const docker = await createDocker();
      await expect(engineInfo(docker)).rejects.toThrow(/server error|boom/);
      expect(engine.requests).toEqual(['GET /info', 'GET /info']);
    } finally {
      engine.close();
    }
  });

  it('does not ask an engine reached over TCP, TLS or ssh: a client must', () => {
    vi.stubEnv('DOCKER_HOST', 'tcp://10.0.0.5:2376');
    expect(prefetchDefaultEngineInfo()).toBe(false);
  });
});

describe('the pipeline’s engine info prefetch', () => {
  it('asks the default engine over its socket, once; an injected client is asked itself, never the socket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smt-engine-'));
    const socket = join(dir, 'docker.sock');
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ServerVersion":"27.3.1"}');
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    vi.stubEnv('DOCKER_HOST', `unix://${socket}`);
    try {
      const injected: string[] = [];
      const fake = { info: () => (injected.push('info'), Promise.resolve({ ServerVersion: 'fake' })) };
      const provider = memoizeDocker(() => Promise.resolve(fake as unknown as Dockerode));
      await prefetchPipelineInfo(provider);
      expect(injected).toEqual(['info']);
      expect(requests).toEqual([]);

      const byDefault = memoizeDocker();
      await prefetchPipelineInfo(byDefault);
      const docker = await (byDefault as () => Promise<Dockerode>)();
      expect(await engineInfo(docker)).toEqual({ ServerVersion: '27.3.1' });
      expect(requests).toEqual(['/info']);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('createContainer', () => {
  it('puts only the name in the URL: the configuration, Env and its credentials with it, goes in the body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smt-engine-'));
    const socket = join(dir, 'docker.sock');
    const seen: { url: string; body: unknown }[] = [];
    // The engine's create endpoint, as dockerd answers it: 201 with the new container's id; 400 for a body that is
    // not JSON (by its Content-Type) or is empty; 404 for any other route.
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        seen.push({ url: req.url ?? '', body: JSON.parse(text || 'null') as unknown });
        const answer = (status: number, body: string): void => {
          res.writeHead(status, { 'content-type': 'application/json' }).end(body);
        };
        if (req.method !== 'POST' || !/^\/containers\/create(\?|$)/.test(req.url ?? '')) {
          answer(404, '{"message":"page not found"}');
        } else if (req.headers['content-type'] !== undefined && req.headers['content-type'] !== 'application/json') {
          answer(
            400,
            `{"message":"Content-Type specified (${req.headers['content-type']}) must be 'application/json'"}`,
          );
        } else if (text === '') {
          answer(400, '{"message":"config cannot be empty in order to create a container"}');
        } else {
          answer(201, '{"Id":"c0ffee","Warnings":[]}');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const docker = new Dockerode({ socketPath: socket });
      const config = {
        Image: 'train:1',
        Env: ['AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG', 'AWS_REGION=us-east-1'],
        HostConfig: { ShmSize: 1 << 30 },
      };
      const container = await createContainer(docker, { name: 'job-algo-1', ...config });
      expect(container.id).toBe('c0ffee');
      // With the options alone, dockerode would have written them all into the URL as well.
      const direct = await docker.createContainer({ name: 'job-algo-1', ...config });
      expect(direct.id).toBe('c0ffee');
      expect(seen[1]?.url).toMatch(/wJalrXUtnFEMI/);

      expect(seen[0]).toEqual({ url: '/containers/create?name=job-algo-1', body: config });
      const unnamed = await createContainer(docker, config);
      expect(unnamed.id).toBe('c0ffee');
      expect(seen[2]).toEqual({ url: '/containers/create?', body: config }); // an empty query

      // The stand-in refuses what dockerd refuses: an empty configuration, and a body that is not JSON.
      const status = (headers: Record<string, string>, body: string): Promise<number | undefined> =>
        new Promise((resolveStatus, reject) => {
          const req = request({ socketPath: socket, method: 'POST', path: '/containers/create', headers }, (res) => {
            res.resume();
            resolveStatus(res.statusCode);
          });
          req.on('error', reject);
          req.end(body);
        });
      expect(await status({}, '')).toBe(400);
      expect(await status({ 'content-type': 'text/plain' }, '{"Image":"train:1"}')).toBe(400);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
