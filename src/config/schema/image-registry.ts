// Where a built image is pushed: image.repository and the registry's credentials and options.

import type { BuildImageSpec } from '../../request.js';
import { parseImageReference } from '../image-ref.js';
import { child, readBoolean, readString } from '../read.js';
import type { MapNode } from '../tree.js';
import type { SectionContext } from './context.js';

/** Credentials for a registry other than ECR (a user name and the variable holding the password), ECR options. */
export function readRegistryAccess(
  ctx: SectionContext,
  image: MapNode | undefined,
): Pick<BuildImageSpec, 'registryUsername' | 'registryPasswordEnv' | 'createRepository' | 'immutableTags'> {
  const registryUsername = readString(image, 'registry-username', ctx.issues, { allowed: 'a registry user name' });
  const registryPasswordEnv = readString(image, 'registry-password-env', ctx.issues, {
    allowed: 'the name of an environment variable such as REGISTRY_PASSWORD',
    check: (text) =>
      // Hyphens allowed: the action's registry-password input arrives as INPUT_REGISTRY-PASSWORD.
      /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text)
        ? undefined
        : `must be the name of an environment variable holding the password, such as REGISTRY_PASSWORD, never the password itself (got a value that is not a variable name)`,
  });
  if (registryUsername !== undefined && registryPasswordEnv === undefined) {
    ctx.issues.add(
      child(image, 'registry-username')?.where ?? 'image.registry-username',
      'needs image.registry-password-env (the environment variable holding the password) or the registry-password input',
    );
  }
  const createRepository = readBoolean(image, 'create-repository', ctx.issues);
  const immutableTags = readBoolean(image, 'immutable-tags', ctx.issues);
  return {
    ...(registryUsername !== undefined ? { registryUsername } : {}),
    ...(registryPasswordEnv !== undefined ? { registryPasswordEnv } : {}),
    ...(createRepository !== undefined ? { createRepository } : {}),
    ...(immutableTags !== undefined ? { immutableTags } : {}),
  };
}

export function readRepository(ctx: SectionContext, image: MapNode | undefined): string | undefined {
  const example = `123456789012.dkr.ecr.${ctx.region}.amazonaws.com/iris-training`;
  const repository = readString(image, 'repository', ctx.issues, {
    allowed: `a registry repository such as ${example}`,
    check: (text) => {
      const ref = parseImageReference(text);
      if ('problem' in ref)
        return `must be a registry repository such as ${example}: it ${ref.problem} (got "${text}")`;
      if (ref.tag !== undefined || ref.digest !== undefined) {
        return `must not include a tag or digest: built images are tagged by their content (got "${text}")`;
      }
      if (ctx.remote && ref.registry === undefined) {
        return `must include the registry host in ${ctx.mode} mode, such as ${example} (got "${text}")`;
      }
      return undefined;
    },
  });
  if (ctx.remote && child(image, 'repository') === undefined) {
    ctx.issues.add(
      'image.repository',
      `is required in ${ctx.mode} mode${ctx.modeNote} when the image is built: the registry repository to push it to, such as ${example} (or set image.uri to use a prebuilt image)`,
    );
  }
  return repository;
}
