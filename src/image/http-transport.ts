// The registry client's default HTTP transport. Node's global fetch loads undici on its first call, about 0.1–0.25 s of
// CPU in a short process: more than the rest of "the image is already pushed" costs. node:http(s) is already part of
// Node and answers the same requests in a few milliseconds. What it does not do is handed to fetch unchanged: a
// redirect (a blob download that moves to object storage; fetch applies the standard's rules on methods and
// credentials across origins) and request shapes the registry client never makes.
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What the registry client reads of an HTTP response; the Fetch standard's Response has this shape too. */
export interface RegistryResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** Only to discard the body unread. */
  readonly body: { cancel(): Promise<void> } | null;
}

/** `fetch`, as far as the registry client uses it (tests pass the global fetch or a fake). */
export type Fetch = (url: string | URL, init?: RequestInit) => Promise<RegistryResponse>;

type Body = Buffer | ReadableStream<Uint8Array>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const IDLE_MS = 300_000;

/** The request's headers as a plain record, or undefined for a shape left to fetch (a Headers object). */
function plainHeaders(headers: RequestInit['headers']): Record<string, string> | undefined {
  if (headers === undefined) return {};
  if (Array.isArray(headers)) return Object.fromEntries(headers.map(([k = '', v = '']) => [k, v]));
  if (Object.getPrototypeOf(headers) === Object.prototype) return { ...(headers as Record<string, string>) };
  return undefined;
}

/** A body this transport sends: none, bytes, or a stream of bytes. */
function bodyOf(body: RequestInit['body']): { body?: Body } | undefined {
  if (body === undefined || body === null) return {};
  if (Buffer.isBuffer(body)) return { body };
  if (body instanceof ReadableStream) return { body: body as ReadableStream<Uint8Array> };
  return undefined;
}

function collect(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('end', () => resolve(Buffer.concat(chunks)));
    res.once('error', reject);
  });
}

function responseOf(res: IncomingMessage): RegistryResponse {
  const status = res.statusCode ?? 0;
  // Read at once, as a registry's answers are small (manifests, tokens, errors; the one blob read is a small layer):
  // a body left unread would hold its connection, and the process, open.
  const bytes = collect(res);
  bytes.catch(() => undefined); // a failure surfaces to whoever reads the body
  const read = (): Promise<Buffer> => bytes;
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get: (name) => {
        const value = res.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: async () => (await read()).toString('utf8'),
    json: async () => JSON.parse((await read()).toString('utf8')) as unknown,
    arrayBuffer: async () => {
      const buffer = await read();
      return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
    },
    body: {
      cancel: () =>
        read().then(
          () => undefined,
          () => undefined,
        ),
    },
  };
}

/** Sends the body (if any) and resolves with the response head; rejects as fetch does when the request fails. */
async function exchange(send: () => ClientRequest, body: Body | undefined): Promise<IncomingMessage> {
  const req = send();
  // As fetch (undici) bounds a silent peer: a socket idle this long fails the request instead of hanging the run.
  req.setTimeout(IDLE_MS, () => req.destroy(new Error(`no answer for ${IDLE_MS / 1000} s`)));
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  if (body === undefined) req.end();
  else if (Buffer.isBuffer(body)) req.end(body);
  else {
    // A failed upload surfaces through `answered` (the request errors); the registry may also answer before the end.
    pipeline(Readable.from(body), req).catch((err: unknown) => req.destroy(err as Error));
  }
  return answered;
}

/**
 * `fetch` for the registry's API over node:http(s): same requests, same answers. A redirect is asked again through
 * fetch (a streamed body cannot be sent twice: that is an error, as it is for fetch).
 */
export const registryFetch: Fetch = async (input, init = {}) => {
  const url = new URL(input);
  const headers = plainHeaders(init.headers);
  const body = bodyOf(init.body);
  const plain = (url.protocol === 'http:' || url.protocol === 'https:') && (init.redirect ?? 'follow') === 'follow';
  if (!plain || !headers || !body) return fetch(input, init);
  const { request } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  const options: RequestOptions = {
    method: init.method ?? 'GET',
    headers,
    ...(init.signal ? { signal: init.signal } : {}),
  };
  const res = await exchange(() => request(url, options), body.body);
  if (!REDIRECTS.has(res.statusCode ?? 0) || !res.headers.location) return responseOf(res);
  res.resume();
  if (body.body !== undefined && !Buffer.isBuffer(body.body)) {
    throw new TypeError(
      `${url.origin} redirected a streamed upload (HTTP ${res.statusCode}), which cannot be sent again`,
    );
  }
  return fetch(input, init);
};
