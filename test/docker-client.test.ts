import { afterEach, describe, expect, it, vi } from 'vitest';

import { createDocker, SOCKET_HOST, talksOverSocket } from '../src/docker-client.js';

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
