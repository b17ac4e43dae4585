// GitHub's App endpoints in front of the fake GitHub (test/helpers/fake-github.ts): the repository's installation and
// installation tokens, both only for a JWT signed with the App's key (RS256, iss = the App id), checked against
// GitHub's OpenAPI description. Every other request is passed on to the fake GitHub as it came.
import { createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { appToken, type FakeGithub } from '../helpers/fake-github.js';
import { githubOpenApi } from '../helpers/github-openapi.js';

export interface AppCall {
  method: string;
  path: string;
  /** Why the request is not one GitHub would accept (OpenAPI problems, a bad JWT). */
  problems: string[];
  body?: Record<string, unknown>;
}

export interface FakeGithubApp {
  url: string;
  appId: string;
  /** The one repository the App is installed on. */
  repository: string;
  /** PKCS#1 PEM, as GitHub hands it out. */
  privateKey: string;
  installationId: number;
  /** The installation token the App endpoint hands out. */
  token: string;
  calls: AppCall[];
  close(): Promise<void>;
}

let keyPair: { privateKey: string; publicKey: KeyObject } | undefined;

/** One 2048-bit RSA key for the whole file (generating one takes a noticeable moment). */
export function rsaKeyPair(): { privateKey: string; publicKey: KeyObject } {
  if (keyPair) return keyPair;
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  keyPair = { privateKey, publicKey: createPublicKey(privateKey) };
  return keyPair;
}

/** Problems with an `Authorization: Bearer <JWT>` header for the App (none when it is valid now). */
function jwtProblems(header: string | undefined, appId: string, publicKey: KeyObject): string[] {
  const match = /^bearer (.+)$/i.exec(header ?? '');
  if (!match?.[1]) return ['no bearer JWT'];
  const [head, payload, signature] = match[1].split('.');
  if (!head || !payload || signature === undefined) return ['not a JWT'];
  const decode = (part: string): Record<string, unknown> =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  const problems: string[] = [];
  if (decode(head).alg !== 'RS256') problems.push('JWT alg is not RS256');
  if (!verify('RSA-SHA256', Buffer.from(`${head}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))) {
    problems.push('JWT signature does not verify with the App key');
  }
  const claims = decode(payload);
  if (String(claims.iss) !== appId) problems.push(`JWT iss ${String(claims.iss)} is not the App id ${appId}`);
  const nowS = Date.now() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp < nowS || claims.exp - nowS > 600) problems.push('JWT exp invalid');
  return problems;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeGithubApp(github: FakeGithub): Promise<FakeGithubApp> {
  const api = githubOpenApi();
  const { privateKey, publicKey } = rsaKeyPair();
  const app = {
    repository: 'octo/repo',
    appId: '424242',
    installationId: 9_001,
    token: 'ghs_fakeInstallationToken0123456789abcd',
  };
  const calls: AppCall[] = [];

  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const text = await readBody(req);
    const installation = /^\/repos\/([^/]+)\/([^/]+)\/installation$/.exec(url.pathname);
    const tokens = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(url.pathname);
    if (!installation && !tokens) {
      // Passed on as it came (the fake GitHub records and validates it).
      const upstream = new URL(github.url);
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', (err) => json(res, 502, { message: String(err) }));
      forward.end(text);
      return;
    }
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    const validation = api.validate({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(body ? { body } : {}),
    });
    const problems = [...validation.problems, ...jwtProblems(req.headers.authorization, app.appId, publicKey)];
    calls.push({ method, path: url.pathname, problems, ...(body ? { body } : {}) });
    if (problems.length > 0) return json(res, 401, { message: problems.join('; ') });
    if (installation && method === 'GET') {
      // Installed on octo/repo only.
      if (`${installation[1]}/${installation[2]}` !== app.repository) return json(res, 404, { message: 'Not Found' });
      return json(res, 200, { ...api.example('installation'), id: app.installationId, app_id: Number(app.appId) });
    }
    if (tokens && method === 'POST' && Number(tokens[1]) === app.installationId) {
      // The token is the App's identity on GitHub, with the permissions asked for.
      github.tokens.set(app.token, appToken(Number(app.appId), 'sagemaker-training', body?.permissions ?? {}));
      return json(res, 201, {
        ...api.example('installation-token'),
        token: app.token,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: body?.permissions ?? {},
        repository_selection: 'selected',
      });
    }
    return json(res, 404, { message: 'Not Found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => json(res, 500, { message: String(err) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ...app,
    privateKey,
    calls,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
