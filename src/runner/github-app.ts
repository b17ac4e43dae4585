// The detached runner's GitHub identity: a GitHub App whose id and private key live in Secrets Manager, exchanged for
// an installation token scoped to the one repository (the workflow's own token died with the job that started us).
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

import type { Logger } from '../logger.js';
import { regionInArn } from '../patterns.js';

export interface GithubAppCredentials {
  appId: string;
  privateKey: string;
}

/**
 * What the runner needs from the installation: complete the check run, read the base branch's results and the pull
 * requests merged there (the baseline of a squash or rebase merge is on the pull request's head).
 */
export const INSTALLATION_PERMISSIONS = { checks: 'write', contents: 'read', pull_requests: 'read' } as const;

const SECRET_SHAPE = '{"appId": "123456", "privateKey": "-----BEGIN RSA PRIVATE KEY-----\\n…"}';

/** The region of a secret given by ARN (`arn:aws:secretsmanager:<region>:…`), else undefined. */
export function secretRegion(secretId: string): string | undefined {
  return regionInArn(secretId, 'secretsmanager');
}

/** Parses the secret's JSON; masks the key (and each of its lines) before anything could print it. */
export function parseAppSecret(secretId: string, text: string, logger: Logger): GithubAppCredentials {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`The secret ${secretId} is not JSON: store ${SECRET_SHAPE}`);
  }
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const rawKey = typeof v.privateKey === 'string' ? v.privateKey : '';
  // A key pasted on one line with literal \n escapes is the usual mistake: accept it.
  const privateKey = rawKey.includes('\n') ? rawKey : rawKey.replace(/\\n/g, '\n');
  if (privateKey) {
    logger.mask?.(rawKey);
    logger.mask?.(privateKey);
    for (const line of privateKey.split('\n')) if (line.trim().length >= 16) logger.mask?.(line.trim());
  }
  const appId = typeof v.appId === 'number' || typeof v.appId === 'string' ? String(v.appId).trim() : '';
  if (!/^\d+$/.test(appId) || !privateKey.includes('-----BEGIN')) {
    throw new Error(`The secret ${secretId} must hold ${SECRET_SHAPE} (the App's numeric id and its PEM private key)`);
  }
  return { appId, privateKey };
}

export async function readAppSecret(
  client: SecretsManagerClient,
  secretId: string,
  logger: Logger,
): Promise<GithubAppCredentials> {
  const { GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (response.SecretString === undefined) {
    throw new Error(`The secret ${secretId} has no string value: store ${SECRET_SHAPE}`);
  }
  return parseAppSecret(secretId, response.SecretString, logger);
}

export interface InstallationTokenOptions {
  apiUrl: string;
  owner: string;
  repo: string;
  app: GithubAppCredentials;
  logger: Logger;
}

/** An installation token for owner/repo only, with INSTALLATION_PERMISSIONS; masked before it is returned. */
export async function installationToken(o: InstallationTokenOptions): Promise<string> {
  const [{ Octokit }, { createAppAuth }] = await Promise.all([import('@octokit/rest'), import('@octokit/auth-app')]);
  const quiet = (message: string): void => o.logger.debug(`GitHub: ${message}`);
  const app = new Octokit({
    baseUrl: o.apiUrl.replace(/\/+$/, ''),
    userAgent: 'sagemaker-training-action',
    authStrategy: createAppAuth,
    auth: { appId: o.app.appId, privateKey: o.app.privateKey },
    log: { debug: () => undefined, info: () => undefined, warn: quiet, error: quiet },
  });
  let installationId: number;
  try {
    // Signed with the App's JWT (auth-app picks JWT auth for this route).
    const { data } = await app.request('GET /repos/{owner}/{repo}/installation', { owner: o.owner, repo: o.repo });
    installationId = data.id;
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    if (status === 404) {
      throw new Error(
        `The GitHub App ${o.app.appId} is not installed on ${o.owner}/${o.repo}: install it on the repository.`,
        { cause: err },
      );
    }
    throw err;
  }
  const auth = (await app.auth({
    type: 'installation',
    installationId,
    repositoryNames: [o.repo],
    permissions: INSTALLATION_PERMISSIONS,
  })) as { token?: unknown };
  if (typeof auth.token !== 'string' || auth.token === '') throw new Error('GitHub returned no installation token');
  o.logger.mask?.(auth.token);
  return auth.token;
}
