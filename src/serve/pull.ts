// Remote modes: the image SageMaker trained is in a registry, not in the runner's engine. It is pulled with the
// registry's credentials (ECR: GetAuthorizationToken, masked), or anonymously for another registry.
import type { Readable } from 'node:stream';

import type { ECRClient } from '@aws-sdk/client-ecr';
import type Dockerode from 'dockerode';

import { clientConfig } from '../aws/client-config.js';
import { parseEcrHost } from '../image/ecr-host.js';
import type { Logger } from '../logger.js';

export interface PullDeps {
  docker: () => Promise<Dockerode>;
  ecr?: (region: string) => Promise<ECRClient>;
  logger: Logger;
}

async function defaultEcr(region: string): Promise<ECRClient> {
  const { ECRClient } = await import('@aws-sdk/client-ecr');
  return new ECRClient(clientConfig(region));
}

/** Pulls `imageUri` into the engine. */
export async function pullImage(imageUri: string, deps: PullDeps): Promise<void> {
  const host = imageUri.split('/')[0] ?? '';
  const registry = parseEcrHost(host);
  let authconfig: Record<string, string> = { serveraddress: host };
  if (registry) {
    const { ecrCredentials } = await import('../image/ecr.js');
    const credentials = await ecrCredentials({
      client: await (deps.ecr ?? defaultEcr)(registry.region),
      registry,
      mask: (secret) => deps.logger.mask?.(secret),
    });
    authconfig = { ...credentials, serveraddress: host };
  }
  const docker = await deps.docker();
  const stream = (await docker.pull(imageUri, { authconfig })) as Readable;
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (err: unknown) =>
      err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve(),
    ),
  );
  deps.logger.info(`Pulled ${imageUri} for the serve test`);
}
