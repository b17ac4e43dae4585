// A local HTTP stand-in for the three services the credentials code talks to: GitHub's ID-token endpoint (what
// ACTIONS_ID_TOKEN_REQUEST_URL names), STS AssumeRoleWithWebIdentity (the query protocol: a form-encoded POST answered
// with XML, as sts.amazonaws.com answers) and, to see what an SDK client signs with, SageMaker's JSON
// ListTrainingJobs.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const REQUEST_TOKEN = 'ghs_request_token_0123456789';
export const SUBJECT = 'repo:octo-org/ml:ref:refs/heads/main';

export interface AssumeCall {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  token: string;
}

export interface SignedCall {
  target: string;
  /** The access key id in the Authorization header's Credential= scope. */
  accessKeyId: string;
  sessionToken: string | undefined;
}

export interface StandIn {
  url: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL, with the query string GitHub puts there. */
  idTokenUrl: string;
  idTokens: string[];
  /** The audience each ID token was asked for. */
  audiences: string[];
  assumeCalls: AssumeCall[];
  /** The credentials STS handed out, in order. */
  issued: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: Date }[];
  signedCalls: SignedCall[];
  /** When set, STS answers with this error (status, code, message). */
  stsError?: { status: number; code: string; message: string };
  /** When set, GitHub's token endpoint answers with this status. */
  idTokenStatus?: number;
  /** STS's expiry of credentials issued from now on: issue time + this (default: the DurationSeconds asked). */
  lifetimeMs?: number;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}

function xml(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': 'req-1' });
  res.end(text);
}

/** `now` dates the credentials STS issues (the tests' clock). */
export async function startStandIn(now: () => number = () => Date.now()): Promise<StandIn> {
  const state: Omit<StandIn, 'url' | 'idTokenUrl' | 'close'> = {
    idTokens: [],
    audiences: [],
    assumeCalls: [],
    issued: [],
    signedCalls: [],
  };

  const handleIdToken = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (req.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Bad credentials"}');
      return;
    }
    if (state.idTokenStatus) {
      res.writeHead(state.idTokenStatus, { 'content-type': 'application/json' }).end('{"message":"Forbidden"}');
      return;
    }
    const audience = url.searchParams.get('audience') ?? '';
    const token = jwt({
      iss: 'https://token.actions.githubusercontent.com',
      sub: SUBJECT,
      aud: audience,
      jti: `id-${state.idTokens.length + 1}`,
    });
    state.idTokens.push(token);
    state.audiences.push(audience);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: 1, value: token }));
  };

  const handleSts = (res: ServerResponse, form: URLSearchParams): void => {
    if (form.get('Action') !== 'AssumeRoleWithWebIdentity') {
      xml(res, 400, '<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>');
      return;
    }
    const call: AssumeCall = {
      roleArn: form.get('RoleArn') ?? '',
      sessionName: form.get('RoleSessionName') ?? '',
      durationSeconds: Number(form.get('DurationSeconds') ?? 3600),
      token: form.get('WebIdentityToken') ?? '',
    };
    state.assumeCalls.push(call);
    if (state.stsError) {
      const { status, code, message } = state.stsError;
      xml(
        res,
        status,
        `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
          `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`,
      );
      return;
    }
    const n = state.issued.length + 1;
    const issued = {
      accessKeyId: `ASIASTANDIN${String(n).padStart(9, '0')}`,
      secretAccessKey: `secret-key-${n}-abcdefghijklmnopqrstuvwxyz`,
      sessionToken: `session-token-${n}-ABCDEFGHIJKLMNOPQRSTUVWXYZ`,
      expiration: new Date(now() + (state.lifetimeMs ?? call.durationSeconds * 1000)),
    };
    state.issued.push(issued);
    const [, , , , account = '', resource = ''] = call.roleArn.split(':');
    const roleName = resource.slice(resource.lastIndexOf('/') + 1);
    xml(
      res,
      200,
      `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>${SUBJECT}</SubjectFromWebIdentityToken>
    <Audience>sts.amazonaws.com</Audience>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::${account}:assumed-role/${roleName}/${call.sessionName}</Arn>
      <AssumedRoleId>AROASTANDIN:${call.sessionName}</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <SessionToken>${issued.sessionToken}</SessionToken>
      <SecretAccessKey>${issued.secretAccessKey}</SecretAccessKey>
      <Expiration>${issued.expiration.toISOString()}</Expiration>
      <AccessKeyId>${issued.accessKeyId}</AccessKeyId>
    </Credentials>
    <Provider>arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com</Provider>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>req-${n}</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`,
    );
  };

  const handleJson = (req: IncomingMessage, res: ServerResponse): void => {
    const credential = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const sessionToken = req.headers['x-amz-security-token'];
    state.signedCalls.push({
      target: String(req.headers['x-amz-target'] ?? ''),
      accessKeyId: credential,
      sessionToken: typeof sessionToken === 'string' ? sessionToken : undefined,
    });
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target.endsWith('.ListTrainingJobs')) {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{"TrainingJobSummaries":[]}');
      return;
    }
    // Anything else is refused at once (not retried): enough to see what it was signed with.
    res
      .writeHead(400, { 'content-type': 'application/x-amz-json-1.1' })
      .end(JSON.stringify({ __type: 'ValidationException', message: `stand-in refuses ${target}` }));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/_apis/oidc/token') return handleIdToken(req, res, url);
    void body(req).then((text) => {
      if (req.headers['x-amz-target']) return handleJson(req, res);
      handleSts(res, new URLSearchParams(text));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url,
    idTokenUrl: `${url}/_apis/oidc/token?api-version=2.0`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
