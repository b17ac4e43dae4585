// The `image:` section: a prebuilt image (image.uri), or how to build one.

import path from 'node:path';
import type { BuildImageSpec, ImageSpec } from '../../request.js';
import { parseImageReference } from '../image-ref.js';
import { checkString, child, readBoolean, readEnum, readMap, readString, readStringMap } from '../read.js';
import type { MapNode, TreeNode } from '../tree.js';
import { localPath, present, type SectionContext } from './context.js';
import { readRegistryAccess, readRepository } from './image-registry.js';
import { DEFAULTS, ENV_NAME_PATTERN } from './limits.js';

export const IMAGE_BUILD_KEYS = [
  'dockerfile',
  'context',
  'build-args',
  'target',
  'platform',
  'repository',
  'force-build',
  'registry-username',
  'registry-password-env',
  'create-repository',
  'immutable-tags',
] as const;
const IMAGE_KEYS = [...IMAGE_BUILD_KEYS, 'uri'] as const;
const PLATFORMS = ['linux/amd64', 'linux/arm64'] as const;
const STAGE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;

export function readImage(ctx: SectionContext): ImageSpec {
  const image = readMap(
    ctx.root,
    'image',
    ctx.issues,
    IMAGE_KEYS,
    '{ uri: registry/repository:tag } or { dockerfile: Dockerfile, context: . }',
  );
  const uriNode = child(image, 'uri');
  if (image !== undefined && uriNode !== undefined) return readPrebuiltImage(ctx, image, uriNode);
  return readBuildImage(ctx, image);
}

export function readPrebuiltImage(ctx: SectionContext, image: MapNode, uriNode: TreeNode): ImageSpec {
  for (const key of IMAGE_BUILD_KEYS) {
    const entry = image.entries.get(key);
    if (entry !== undefined) {
      ctx.issues.add(
        entry.keyWhere,
        `cannot be combined with image.uri: a prebuilt image is used as it is (remove image.uri to build the image, or remove ${key})`,
      );
    }
  }
  const uri = checkString(uriNode, ctx.issues, {
    allowed: 'an image reference such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1.0',
    check: (text) => {
      const ref = parseImageReference(text);
      if ('problem' in ref)
        return `must be an image reference such as registry/repository:tag: it ${ref.problem} (got "${text}")`;
      if (ref.tag === undefined && ref.digest === undefined) {
        return `must name a tag (:1.0) or a digest (@sha256:…) so the run uses a known image (got "${text}")`;
      }
      if (ctx.remote && ref.registry === undefined) {
        return `must include the registry host in ${ctx.mode} mode, such as 123456789012.dkr.ecr.${ctx.region}.amazonaws.com/iris:1.0: SageMaker pulls from Amazon ECR or a private registry (got "${text}")`;
      }
      return undefined;
    },
  });
  return { kind: 'prebuilt', uri: uri ?? '' };
}

export function readBuildImage(ctx: SectionContext, image: MapNode | undefined): BuildImageSpec {
  const { context, dockerfile } = readBuildPaths(ctx, image);
  const buildArgs = readStringMap(image, 'build-args', ctx.issues, {
    example: '{ BASE_IMAGE: python:3.12-slim }',
    maxEntries: 100,
    maxValueLength: 65_536,
    checkKey: (key) =>
      ENV_NAME_PATTERN.test(key)
        ? undefined
        : `build argument names must be letters, digits and underscores, not starting with a digit (got "${key}")`,
  });
  const target = readString(image, 'target', ctx.issues, {
    allowed: 'a build stage name such as train',
    check: (text) =>
      STAGE_NAME_PATTERN.test(text)
        ? undefined
        : `must be a build stage name: a letter, then letters, digits, _, . or - (got "${text}")`,
  });
  const platform = readEnum(image, 'platform', ctx.issues, PLATFORMS) ?? DEFAULTS.platform;
  const repository = readRepository(ctx, image);
  const forceBuild = readBoolean(image, 'force-build', ctx.issues);
  const registry = readRegistryAccess(ctx, image);
  return present({
    kind: 'build',
    dockerfile,
    context,
    buildArgs,
    target,
    platform,
    repository,
    forceBuild,
    ...registry,
  });
}

/** The build context and Dockerfile, resolved against the workspace, with the checks that they exist. */
function readBuildPaths(ctx: SectionContext, image: MapNode | undefined): { context: string; dockerfile: string } {
  const workspace = ctx.workspace;
  const contextNode = child(image, 'context');
  const contextText =
    contextNode === undefined
      ? undefined
      : checkString(contextNode, ctx.issues, { allowed: 'a folder relative to the workspace' });
  const context =
    contextText === undefined ? workspace : localPath(ctx, contextText, contextNode?.where ?? 'image.context');
  const contextWhere = contextNode?.where ?? 'image.context';
  ctx.pathChecks.push({ where: contextWhere, path: context, expect: 'directory' });

  const dockerfileNode = child(image, 'dockerfile');
  const dockerfileText =
    dockerfileNode === undefined
      ? undefined
      : checkString(dockerfileNode, ctx.issues, { allowed: 'a Dockerfile path relative to the workspace' });
  const dockerfile =
    dockerfileText === undefined
      ? path.join(context, 'Dockerfile')
      : localPath(ctx, dockerfileText, dockerfileNode?.where ?? 'image.dockerfile');
  if (dockerfileNode === undefined) {
    ctx.pathChecks.push({
      where: 'image.dockerfile',
      path: dockerfile,
      expect: 'file',
      hint: 'set image.dockerfile, or image.uri to use a prebuilt image',
      unlessFailed: context,
    });
  } else if (dockerfileText !== undefined) {
    ctx.pathChecks.push({ where: dockerfileNode.where, path: dockerfile, expect: 'file' });
  }
  return { context, dockerfile };
}
