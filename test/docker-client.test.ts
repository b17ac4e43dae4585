import { describe, expect, it } from 'vitest';

import { createDocker, SOCKET_HOST, talksOverSocket } from '../src/docker-client.js';

describe('createDocker', () => {
  it('talks over a Unix socket when DOCKER_HOST is unset or unix://, otherwise over the network', () => {
    expect(talksOverSocket({})).toBe(true);
    expect(talksOverSocket({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toBe(true);
    expect(talksOverSocket({ DOCKER_HOST: 'tcp://10.0.0.5:2376' })).toBe(false);
    expect(talksOverSocket({ DOCKER_HOST: 'ssh://ci@builder' })).toBe(false);
  });

  it('sends an IPv4 Host header over a socket only: a TCP or TLS engine keeps its own name', async () => {
    const overSocket = (await createDocker({})).modem as unknown as { headers: Record<string, string> };
    expect(overSocket.headers).toEqual({ host: SOCKET_HOST });
    expect(SOCKET_HOST).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const overTcp = (await createDocker({ DOCKER_HOST: 'tcp://10.0.0.5:2376' })).modem as unknown as {
      headers: Record<string, string>;
    };
    expect(overTcp.headers).toEqual({});
  });
});
