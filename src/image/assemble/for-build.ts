// The step keys of a build, and the choice between assembling the image in the registry and building it with the
// engine, told in one line. A Dockerfile this parser cannot read is left to the engine (which reports its own error);
// the reason names the line.
import { messageOf } from '../../error-message.js';
import type { BuildImageSpec } from '../../request.js';
import { resolveContext } from '../build-context.js';
import { formatBytes } from '../push.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { buildStages, type BuildStages } from '../dockerfile/stages.js';
import type { RegistryClient } from '../registry.js';
import { anchorIndex, whyNotApplicable } from '../steps/applicable.js';
import { copyContext } from '../steps/copy-context.js';
import { stepKeys, type CopyContext } from '../steps/keys.js';
import { anchorTag, textHash } from '../steps/record.js';
import { assembleImage, type Assembled } from './assemble.js';
import { NotAssemblable } from './copy-entries.js';

export interface BuildSteps {
  stages: BuildStages;
  keys: string[];
  texts: string[];
  context: CopyContext;
  /** The tag the image is found by later: the key of its last engine-only step. */
  anchorTag: string;
}

/** The steps of the build of `spec`, or why they cannot be known (the engine then builds as before). */
export async function buildSteps(
  spec: Pick<BuildImageSpec, 'context' | 'dockerfile' | 'buildArgs' | 'target' | 'platform'>,
  content: { digest: string; fingerprints?: Map<string, string> },
): Promise<BuildSteps | { why: string }> {
  try {
    const resolved = await resolveContext(spec);
    const parsed = parseDockerfile(resolved.dockerfileBody.toString('utf8'));
    const stages = buildStages(parsed, { buildArgs: spec.buildArgs, ...(spec.target ? { target: spec.target } : {}) });
    const context = await copyContext(resolved, {
      wholeDigest: content.digest,
      ...(content.fingerprints ? { known: content.fingerprints } : {}),
    });
    const keys = await stepKeys({ stages, platform: spec.platform, context });
    const texts = ['', ...stages.target.steps.map(textHash)];
    const anchor = anchorIndex(stages.target.steps);
    return {
      stages,
      keys,
      texts,
      context,
      anchorTag: anchorTag(keys[anchor] ?? ''),
    };
  } catch (err) {
    return { why: messageOf(err) };
  }
}

/** Why the steps after the anchor cannot be applied here, if one of them cannot. */
function whyNotSteps(steps: BuildSteps): string | undefined {
  const target = steps.stages.target;
  if (steps.stages.stages.length > 1 && target.steps.some((s) => s.instruction.flags.some((f) => f.name === 'from'))) {
    return 'a COPY --from in the image’s stage needs the engine';
  }
  const anchor = anchorIndex(target.steps);
  for (const step of target.steps.slice(anchor)) {
    const why = whyNotApplicable(step);
    if (why) return why;
  }
  return undefined;
}

/** Assembles in the registry, or says in one line why the engine must build. */
export async function tryAssemble(opts: {
  steps: BuildSteps;
  client: RegistryClient;
  path: string;
  labels: Record<string, string>;
  tags: string[];
}): Promise<Assembled | { why: string }> {
  const why = whyNotSteps(opts.steps);
  if (why) return { why };
  const anchor = anchorIndex(opts.steps.stages.target.steps);
  const anchorStep =
    anchor === 0 ? opts.steps.stages.target.from : opts.steps.stages.target.steps[anchor - 1]?.instruction;
  try {
    return await assembleImage({
      ...opts.steps,
      client: opts.client,
      path: opts.path,
      labels: opts.labels,
      tags: opts.tags,
    });
  } catch (err) {
    if (err instanceof NotAssemblable) {
      return {
        why: `${err.message} (the last step only the engine makes: ${anchorStep?.keyword ?? 'FROM'} at line ${anchorStep?.line ?? 1})`,
      };
    }
    throw err;
  }
}

/** The assembled image and its one-line note, or why the engine builds it (assembly not tried when forced). */
export async function assembleOrWhy(opts: {
  steps: BuildSteps | { why: string };
  access: { client: RegistryClient; path: string };
  labels: Record<string, string>;
  tag: string;
  revisionTag?: string;
  force?: boolean;
}): Promise<{ digest: string; note: string; source: 'assembled' } | { why: string }> {
  if (opts.force) return { why: 'image.force-build is set' };
  if ('why' in opts.steps) return { why: `the Dockerfile's steps are not known here (${opts.steps.why})` };
  const result = await tryAssemble({
    steps: opts.steps,
    client: opts.access.client,
    path: opts.access.path,
    labels: opts.labels,
    tags: [opts.tag, ...(opts.revisionTag ? [opts.revisionTag] : [])],
  });
  if ('why' in result) return result;
  const note =
    `assembled in the registry: ${result.reusedSteps} of ${result.totalSteps} steps reused, ` +
    `${result.newLayers} new layer(s), ${formatBytes(result.uploadedBytes)} uploaded`;
  return { digest: result.digest, note, source: 'assembled' };
}

/** Tags an engine-built image by its anchor key, so a later build finds it; a failure only costs that. */
export async function tagAnchor(
  client: RegistryClient,
  path: string,
  digest: string,
  tag: string,
  logger: { info(m: string): void; warning(m: string): void },
): Promise<void> {
  try {
    await client.tagManifest(path, digest, tag);
    logger.info(`Tagged ${path}:${tag}, the image later builds finish from`);
  } catch (err) {
    logger.warning(`The step tag ${tag} was not added (later builds will use the engine): ${messageOf(err)}`);
  }
}
