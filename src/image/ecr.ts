// Amazon ECR: registry credentials from GetAuthorizationToken (masked before anything can print them) and, when
// asked, the repository created on first use. The client comes in from outside; calls go through client.send.
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  type ECRClient,
} from '@aws-sdk/client-ecr';

import type { Logger } from '../logger.js';
import type { RegistryCredentials } from './registry.js';

export { parseEcrHost, type EcrRegistry } from './ecr-host.js';
import type { EcrRegistry } from './ecr-host.js';
import { messageOf } from '../error-message.js';

function nameOf(err: unknown): string {
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : '';
}

/**
 * Credentials for `registry`: GetAuthorizationToken for its account (`registryIds`, so a repository of another
 * account works when the policy allows it). The token and the decoded password are masked before they are returned.
 */
export async function ecrCredentials(opts: {
  client: ECRClient;
  registry: EcrRegistry;
  mask: (secret: string) => void;
}): Promise<RegistryCredentials> {
  let response;
  try {
    response = await opts.client.send(new GetAuthorizationTokenCommand({ registryIds: [opts.registry.account] }));
  } catch (err) {
    throw new Error(
      `Cannot get an ECR authorization token for account ${opts.registry.account} in ${opts.registry.region}: ${messageOf(err)}`,
    );
  }
  const token = response.authorizationData?.[0]?.authorizationToken;
  if (!token) throw new Error(`ECR returned no authorization token for account ${opts.registry.account}`);
  opts.mask(token);
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new Error('ECR returned an authorization token that is not user:password');
  const password = decoded.slice(colon + 1);
  opts.mask(password);
  return { username: decoded.slice(0, colon), password };
}

/** Creates the repository when it does not exist: scan on push, tags mutable unless `immutableTags`. */
export async function ensureEcrRepository(opts: {
  client: ECRClient;
  registry: EcrRegistry;
  name: string;
  immutableTags: boolean;
  logger: Logger;
}): Promise<'exists' | 'created'> {
  const { client, registry, name } = opts;
  try {
    await client.send(new DescribeRepositoriesCommand({ registryId: registry.account, repositoryNames: [name] }));
    return 'exists';
  } catch (err) {
    if (nameOf(err) !== 'RepositoryNotFoundException') {
      throw new Error(`Cannot look up the ECR repository ${name}: ${messageOf(err)}`);
    }
  }
  try {
    await client.send(
      new CreateRepositoryCommand({
        registryId: registry.account,
        repositoryName: name,
        imageScanningConfiguration: { scanOnPush: true },
        imageTagMutability: opts.immutableTags ? 'IMMUTABLE' : 'MUTABLE',
      }),
    );
  } catch (err) {
    // Created meanwhile by a concurrent run: fine.
    if (nameOf(err) === 'RepositoryAlreadyExistsException') return 'exists';
    throw new Error(`Cannot create the ECR repository ${name}: ${messageOf(err)}`);
  }
  opts.logger.info(
    `Created the ECR repository ${name} (scan on push, ${opts.immutableTags ? 'immutable' : 'mutable'} tags)`,
  );
  return 'created';
}
