// Local mode with a repository configured: an image the engine lacks but the registry has under the same content tag
// is pulled (it is the image `docker build` made of this context), never assembled locally. Any failure leaves the
// build to the engine, saying why.
import type { Readable } from 'node:stream';

import type Dockerode from 'dockerode';

import { messageOf } from '../error-message.js';
import type { Logger } from '../logger.js';
import type { RegistryClient, RegistryCredentials } from './registry.js';

export interface PullOptions {
  docker: Dockerode;
  client: RegistryClient;
  /** `registry/path`. */
  repository: string;
  path: string;
  credentials?: RegistryCredentials;
  /** The content tag. */
  tag: string;
  /** The local reference to give the pulled image. */
  localRef: string;
  logger: Logger;
}

/** True when the registry had the content tag and the engine now has it as `localRef`. */
export async function pullIntoEngine(opts: PullOptions): Promise<boolean> {
  try {
    const digest = await opts.client.manifestDigest(opts.path, opts.tag);
    if (!digest) return false;
    const ref = `${opts.repository}@${digest}`;
    const serveraddress = opts.repository.split('/')[0] ?? opts.repository;
    const authconfig = opts.credentials ? { ...opts.credentials, serveraddress } : { serveraddress };
    const stream = (await opts.docker.pull(ref, { authconfig })) as Readable;
    await new Promise<void>((resolve, reject) =>
      opts.docker.modem.followProgress(stream, (err: unknown) =>
        err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve(),
      ),
    );
    const colon = opts.localRef.lastIndexOf(':');
    await opts.docker.getImage(ref).tag({ repo: opts.localRef.slice(0, colon), tag: opts.localRef.slice(colon + 1) });
    opts.logger.info(`Pulled ${ref} (${opts.repository}:${opts.tag}, the same content) instead of building it`);
    return true;
  } catch (err) {
    opts.logger.info(`The registry's ${opts.repository}:${opts.tag} was not pulled (${messageOf(err)}): building it`);
    return false;
  }
}
