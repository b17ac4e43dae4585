// The image the registry lacks: assembled in the registry when every changed step is one this tool applies itself,
// otherwise built by the engine and pushed, then given the commit tag and the step anchor. Loaded only on a miss.
import type { Logger } from '../logger.js';
import { messageOf } from '../error-message.js';
import { assembleOrWhy, buildSteps, tagAnchor, type BuildSteps } from './assemble/for-build.js';
import { buildLocalImage } from './build-local.js';
import type { ContextDigest } from './content-hash.js';
import { engineOf, signalOf, type EnsureImageOptions, type ImageOutcome } from './ensure-options.js';
import type { BuildLabels } from './labels.js';
import { pushImage } from './push.js';
import type { RegistryAccess } from './registry-access.js';
import { withStepsLabel } from './steps/record.js';

interface MakeInput {
  opts: EnsureImageOptions;
  content: ContextDigest;
  logger: Logger;
  access: RegistryAccess;
  /** The build's labels, looked up while this module loaded. */
  labelled: Promise<BuildLabels>;
}

/** Assembles the image in the registry, or builds and pushes it with the engine (saying why in one line). */
export async function makeImage(input: MakeInput): Promise<ImageOutcome> {
  const { opts, content, logger, access } = input;
  const ref = `${access.repository}:${content.tag}`;
  const [{ labels, revision }, steps] = await Promise.all([input.labelled, buildSteps(opts.spec, content)]);
  const revisionTag = revision && /^[0-9a-f]{7,64}$/.test(revision) ? revision : undefined;
  const assembled = await assembleOrWhy({
    steps,
    access,
    labels,
    tag: content.tag,
    revisionTag,
    force: opts.spec.forceBuild,
  });
  if ('digest' in assembled) {
    logger.info(`Image ${ref} (${assembled.digest}) ${assembled.note}`);
    const uri = `${access.repository}@${assembled.digest}`;
    return { uri, tag: content.tag, built: true, pushed: true, ...assembled };
  }
  logger.info(`Building with the engine: ${assembled.why}`);
  const labelsOfBuild = 'keys' in steps ? withStepsLabel(steps, labels) : labels;
  const digest = await buildAndPush({ ...input, ref, labels: labelsOfBuild, steps, revisionTag });
  const made = { uri: `${access.repository}@${digest}`, tag: content.tag, built: true, pushed: true, digest };
  return { ...made, source: 'built', note: `built by the engine: ${assembled.why}` };
}

/** The engine's build, its push, then the commit tag and the anchor added through the registry's API. */
async function buildAndPush(
  input: MakeInput & {
    ref: string;
    labels: Record<string, string>;
    steps: BuildSteps | { why: string };
    revisionTag?: string;
  },
): Promise<string> {
  const { opts, content, logger, access, ref } = input;
  const docker = await engineOf(opts)();
  const build = opts.build ?? buildLocalImage;
  await build({ docker, spec: opts.spec, tag: ref, logger, labels: input.labels, ...signalOf(opts) });
  const { repository, credentials, client, path } = access;
  return logger.group(`Push ${ref}`, async () => {
    const { digest } = await pushImage({
      docker,
      repository,
      logger,
      tag: content.tag,
      ...signalOf(opts),
      ...(credentials ? { credentials } : {}),
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
    });
    if (input.revisionTag) {
      // The commit tag points at the same manifest: one GET and one PUT, no second push through the engine.
      try {
        await client.tagManifest(path, digest, input.revisionTag);
        logger.info(`Tagged ${repository}:${input.revisionTag} (${digest})`);
      } catch (err) {
        logger.warning(`The commit tag ${input.revisionTag} was not added: ${messageOf(err)}`);
      }
    }
    if ('anchorTag' in input.steps) await tagAnchor(client, path, digest, input.steps.anchorTag, logger);
    return digest;
  });
}
