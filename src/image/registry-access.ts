// The registry of image.repository, ready to use: its host and path checked, the credentials (ECR's token, with the
// repository created when asked; or the configured user name and the password from its variable) and a client.
import type { ECRClient } from '@aws-sdk/client-ecr';

import { clientConfig } from '../aws/client-config.js';
import { parseImageReference } from '../config/image-ref.js';
import type { Logger } from '../logger.js';
import type { BuildImageSpec } from '../request.js';
import { parseEcrHost, type EcrRegistry } from './ecr-host.js';
import { signalOf } from './ensure-options.js';
import { RegistryClient, type Fetch, type RegistryCredentials } from './registry.js';

export interface RegistryAccess {
  path: string;
  repository: string;
  credentials?: RegistryCredentials;
  client: RegistryClient;
}

export interface AccessOptions {
  spec: BuildImageSpec;
  env: Record<string, string | undefined>;
  logger: Logger;
  ecr?: (region: string) => Promise<ECRClient>;
  fetch?: Fetch;
  signal?: AbortSignal;
}

async function defaultEcr(region: string): Promise<ECRClient> {
  const { ECRClient } = await import('@aws-sdk/client-ecr');
  return new ECRClient(clientConfig(region));
}

/** `registry` and `path` of image.repository; a clear error when it names no registry or is malformed. */
export function parseRepository(repository: string): { registry: string; path: string } {
  const ref = parseImageReference(repository);
  if ('problem' in ref) throw new Error(`The image repository "${repository}" ${ref.problem}`);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new Error(`The image repository "${repository}" must not include a tag or digest`);
  }
  if (ref.registry === undefined) {
    throw new Error(
      `The image repository "${repository}" must include the registry host, such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/${ref.path}`,
    );
  }
  return { registry: ref.registry, path: ref.path };
}

/** ECR's token for the registry, the repository created first when image.create-repository asks for it. */
async function ecrAccess(
  opts: AccessOptions,
  registry: EcrRegistry,
  path: string,
  mask: (secret: string) => void,
): Promise<RegistryCredentials> {
  const [client, { ecrCredentials, ensureEcrRepository }] = await Promise.all([
    (opts.ecr ?? defaultEcr)(registry.region),
    import('./ecr.js'),
  ]);
  const credentials = await ecrCredentials({ client, registry, mask });
  if (opts.spec.createRepository) {
    const immutableTags = opts.spec.immutableTags === true;
    await ensureEcrRepository({ client, registry, name: path, immutableTags, logger: opts.logger });
  }
  return credentials;
}

/** Registry credentials: ECR's token, or the configured user name and the password from its variable, or none. */
async function registryCredentials(
  opts: AccessOptions,
  registry: string,
  path: string,
  mask: (secret: string) => void,
): Promise<RegistryCredentials | undefined> {
  const { spec, env } = opts;
  const ecrRegistry = parseEcrHost(registry);
  if (ecrRegistry) return ecrAccess(opts, ecrRegistry, path, mask);
  if (spec.registryUsername === undefined) return undefined;
  const variable = spec.registryPasswordEnv;
  if (variable === undefined) {
    throw new Error(
      'image.registry-username is set but no password: set image.registry-password-env (or the registry-password input)',
    );
  }
  const password = env[variable];
  if (password === undefined || password === '') {
    throw new Error(`The registry password variable ${variable} (image.registry-password-env) is empty or not set`);
  }
  mask(password);
  return { username: spec.registryUsername, password };
}

/** Credentials and a client of the registry; `mask` hides each secret before it is used. */
export async function registryAccess(opts: AccessOptions, mask: (secret: string) => void): Promise<RegistryAccess> {
  const { registry, path } = parseRepository(opts.spec.repository ?? '');
  const credentials = await registryCredentials(opts, registry, path, mask);
  const client = new RegistryClient({
    host: registry,
    ...(credentials ? { credentials } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...signalOf(opts),
    mask,
  });
  return { path, repository: `${registry}/${path}`, ...(credentials ? { credentials } : {}), client };
}
