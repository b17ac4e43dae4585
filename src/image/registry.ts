// The registry's own HTTP API (Docker Registry HTTP API v2), enough to ask whether a tag exists and what its digest is:
// HEAD /v2/<name>/manifests/<reference>, answering a Bearer challenge (token service) or a Basic one. Works with ECR,
// Docker Hub, GHCR and the open-source registry alike.
import { registryFetch, type Fetch, type RegistryResponse } from './http-transport.js';

/** Credentials for a registry; for ECR the user is AWS and the password comes from GetAuthorizationToken. */
export interface RegistryCredentials {
  username: string;
  password: string;
}

export type { Fetch, RegistryResponse } from './http-transport.js';

/** Every manifest type a tag may point to: OCI and Docker, single images and lists. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** Registries Docker talks to over plain HTTP by default: loopback addresses. */
export function isInsecureByDefault(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '[::1]';
}

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses `WWW-Authenticate: Bearer realm="…",service="…",scope="…"` (or `Basic realm="…"`). */
export function parseChallenge(header: string): Challenge | undefined {
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const re = /(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let m = re.exec(match[2] ?? ''); m; m = re.exec(match[2] ?? '')) {
    params[(m[1] ?? '').toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
  }
  return { scheme: (match[1] ?? '').toLowerCase(), params };
}

function basic(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

function messageOf(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
  }
  return String(err);
}

export interface RegistryClientOptions {
  /** `host[:port]`, as in the image reference. */
  host: string;
  credentials?: RegistryCredentials;
  /** Plain HTTP; default for loopback registries, as Docker does. */
  insecure?: boolean;
  fetch?: Fetch;
  signal?: AbortSignal;
  /** Called with each token obtained, before it is used (the action masks it). */
  mask?: (secret: string) => void;
}

/** A small client of one registry. Keeps the token it obtained last, so later calls skip the challenge. */
export class RegistryClient {
  private readonly base: string;
  private readonly fetch: Fetch;
  private authorization?: string;

  constructor(private readonly options: RegistryClientOptions) {
    const insecure = options.insecure ?? isInsecureByDefault(options.host);
    // Docker Hub's references name docker.io; its API lives at registry-1.docker.io.
    const apiHost = ['docker.io', 'index.docker.io'].includes(options.host) ? 'registry-1.docker.io' : options.host;
    this.base = `${insecure ? 'http' : 'https'}://${apiHost}`;
    this.fetch = options.fetch ?? registryFetch;
  }

  /** The digest `name:reference` points to, or undefined when the registry does not have it. */
  async manifestDigest(name: string, reference: string): Promise<string | undefined> {
    const url = `${this.base}/v2/${name}/manifests/${encodeURIComponent(reference)}`;
    const response = await this.request(url, 'HEAD', name);
    if (response.status === 404) return undefined;
    if (response.ok) {
      const digest = response.headers.get('docker-content-digest');
      if (!digest) throw new RegistryError(`${this.options.host} answered ${name}:${reference} without a digest`);
      return digest;
    }
    throw new RegistryError(
      `${this.options.host} answered HTTP ${response.status} for ${name}:${reference}`,
      response.status,
    );
  }

  /**
   * Gives the manifest `digest` a second tag through the API (GET it, PUT it under `tag`): what `docker tag` + `docker
   * push` would do, without the engine walking the layers again.
   */
  async tagManifest(name: string, digest: string, tag: string): Promise<void> {
    const base = `${this.base}/v2/${name}/manifests/`;
    const got = await this.request(`${base}${digest}`, 'GET', name);
    if (!got.ok) throw new RegistryError(`${this.options.host} answered HTTP ${got.status} for ${name}@${digest}`);
    const type = got.headers.get('content-type') ?? 'application/vnd.docker.distribution.manifest.v2+json';
    const body = Buffer.from(await got.arrayBuffer());
    const put = await this.request(`${base}${encodeURIComponent(tag)}`, 'PUT', name, { type, body });
    if (!put.ok) {
      const detail = (await put.text().catch(() => '')).trim().slice(0, 300);
      throw new RegistryError(
        `${this.options.host} refused the tag ${name}:${tag} (HTTP ${put.status})${detail ? `: ${detail}` : ''}`,
        put.status,
      );
    }
  }

  /**
   * Opens the connection while other work goes on (the first request of a process also loads the HTTP client): a
   * `GET /v2/`, its answer unread and any failure left to the requests that matter.
   */
  warmUp(): void {
    Promise.resolve()
      .then(() => this.fetch(`${this.base}/v2/`, this.options.signal ? { signal: this.options.signal } : {}))
      .then((response) => response.body?.cancel())
      .catch(() => undefined);
  }

  /** The registry's base URL (`http(s)://host`). */
  get baseUrl(): string {
    return this.base;
  }

  /** The registry's host, as configured. */
  get host(): string {
    return this.options.host;
  }

  private async request(
    url: string,
    method: string,
    name: string,
    upload?: { type: string; body: Buffer },
  ): Promise<RegistryResponse> {
    return this.send(url, method, name, upload ? { type: upload.type, body: upload.body, push: true } : {});
  }

  /**
   * One request of the API, answering an authentication challenge once. A streamed body cannot be sent twice: send
   * something without one first (the upload's POST), so the token is in hand when the stream goes.
   */
  async send(
    url: string,
    method: string,
    name: string,
    opts: { type?: string; body?: Buffer | ReadableStream<Uint8Array>; push?: boolean; length?: number } = {},
  ): Promise<RegistryResponse> {
    const send = (authorization?: string): Promise<RegistryResponse> =>
      this.fetch(url, {
        method,
        headers: {
          Accept: MANIFEST_ACCEPT,
          ...(opts.type ? { 'Content-Type': opts.type } : {}),
          ...(opts.length !== undefined ? { 'Content-Length': String(opts.length) } : {}),
          ...(authorization ? { Authorization: authorization } : {}),
        },
        ...(opts.body ? { body: opts.body, duplex: 'half' } : {}),
        redirect: 'follow',
        ...(this.options.signal ? { signal: this.options.signal } : {}),
      }).catch((err: unknown) => {
        throw new RegistryError(`Cannot reach the registry ${this.options.host}: ${messageOf(err)}`);
      });
    let response = await send(this.authorization);
    if (response.status !== 401) return response;
    if (opts.body && !Buffer.isBuffer(opts.body)) {
      throw this.authError(name, 'it asked to authenticate again in the middle of an upload');
    }
    const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '');
    if (challenge?.scheme === 'bearer') this.authorization = await this.bearer(challenge, name, opts.push === true);
    else if (challenge?.scheme === 'basic') {
      if (!this.options.credentials) throw this.authError(name, 'it asks for a user name and password');
      this.authorization = basic(this.options.credentials);
    } else throw this.authError(name, 'it refused the request without saying how to authenticate');
    response = await send(this.authorization);
    if (response.status === 401 || response.status === 403) {
      throw this.authError(
        name,
        this.options.credentials ? 'it refused the credentials given' : 'it needs credentials',
        response.status,
      );
    }
    return response;
  }

  /** The token flow: GET realm?service=…&scope=repository:<name>:pull(,push), with Basic credentials if any. */
  private async bearer(challenge: Challenge, name: string, push = false): Promise<string> {
    const realm = challenge.params.realm;
    if (!realm) throw this.authError(name, 'its Bearer challenge names no token service');
    const url = new URL(realm);
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    url.searchParams.set('scope', challenge.params.scope ?? `repository:${name}:${push ? 'pull,push' : 'pull'}`);
    const response = await this.fetch(url, {
      headers: this.options.credentials ? { Authorization: basic(this.options.credentials) } : {},
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    }).catch((err: unknown) => {
      throw new RegistryError(`Cannot reach the token service ${url.origin}: ${messageOf(err)}`);
    });
    if (response.status === 401 || response.status === 403) {
      throw this.authError(name, 'its token service refused the credentials given', response.status);
    }
    if (!response.ok) {
      throw new RegistryError(`The token service ${url.origin} answered HTTP ${response.status}`, response.status);
    }
    const body = (await response.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown };
    const token = typeof body.token === 'string' ? body.token : body.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new RegistryError(`The token service ${url.origin} returned no token`);
    }
    this.options.mask?.(token);
    return `Bearer ${token}`;
  }

  private authError(name: string, why: string, status = 401): RegistryError {
    const hint = this.options.credentials
      ? ''
      : ' (set image.registry-username and image.registry-password-env, or the registry-username and registry-password inputs)';
    return new RegistryError(
      `Authentication to the registry ${this.options.host} failed for ${name}: ${why}${hint}`,
      status,
    );
  }
}
