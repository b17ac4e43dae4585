import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';

import { baselineWasmAtFirstFetch } from '../src/cli/baseline-wasm.js';

describe('baselineWasmAtFirstFetch', () => {
  it('sets --liftoff-only once, before the first request and not at install, and passes requests through', async () => {
    const events: string[] = [];
    const target = {
      fetch: ((input: string | URL | Request, init?: RequestInit) => {
        events.push(`fetch ${input instanceof Request ? input.url : input.toString()} ${init?.method ?? 'GET'}`);
        return Promise.resolve(new Response('answer'));
      }) as typeof fetch,
    };
    baselineWasmAtFirstFetch(target, (flags) => void events.push(`flags ${flags}`));
    expect(events).toEqual([]);

    const first = await target.fetch('http://registry.test/v2/', { method: 'HEAD' });
    await target.fetch('http://registry.test/v2/x/manifests/y');
    expect(await first.text()).toBe('answer');
    expect(events).toEqual([
      'flags --liftoff-only',
      'fetch http://registry.test/v2/ HEAD',
      'fetch http://registry.test/v2/x/manifests/y GET',
    ]);
  });

  it("with Node's own fetch and V8 flag setter, a request still gets its answer", async () => {
    const server = createServer((_req, res) => res.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const target = { fetch: globalThis.fetch };
      baselineWasmAtFirstFetch(target);
      const { port } = server.address() as AddressInfo;
      const res = await target.fetch(`http://127.0.0.1:${port}/ping`);
      expect(await res.text()).toBe('pong');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
