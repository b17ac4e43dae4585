// One HTTP exchange with the serving container on 127.0.0.1, timed: node:http with no keep-alive pool, so every
// request is what a fresh client would see, and a hung server costs at most the timeout.
import { request } from 'node:http';

export interface Exchange {
  status: number;
  body: Buffer;
  contentType?: string;
  latencyMs: number;
}

export interface ExchangeOptions {
  port: number;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  /** Bytes of the answer kept; the rest is read and dropped (a runaway answer cannot fill memory). */
  maxBodyBytes?: number;
  signal?: AbortSignal;
  now?: () => number;
}

export function exchange(o: ExchangeOptions): Promise<Exchange> {
  const now = o.now ?? (() => performance.now());
  const keep = o.maxBodyBytes ?? 1024 * 1024;
  return new Promise((resolve, reject) => {
    const started = now();
    const req = request(
      {
        host: '127.0.0.1',
        port: o.port,
        method: o.method,
        path: o.path,
        agent: false,
        headers: { ...o.headers, ...(o.body ? { 'content-length': String(o.body.length) } : {}) },
        timeout: o.timeoutMs,
        ...(o.signal ? { signal: o.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < keep) chunks.push(chunk.subarray(0, keep - kept));
          kept += chunk.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            ...(res.headers['content-type'] ? { contentType: res.headers['content-type'] } : {}),
            latencyMs: now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(o.body);
  });
}
