// Container image references: `[registry/]path[:tag][@sha256:digest]`, checked the way Docker and SageMaker read them.

export interface ImageReference {
  /** Registry host (with port), when the reference names one: `123456789012.dkr.ecr.us-east-1.amazonaws.com`. */
  registry?: string;
  /** Repository path inside the registry: `iris-training`, `team/iris`. */
  path: string;
  tag?: string;
  digest?: string;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const REGISTRY =
  /^(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::\d{1,5})?$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Parses an image reference, or returns a message saying what is wrong with it. */
export function parseImageReference(text: string): ImageReference | { problem: string } {
  if (text.length > 255) return { problem: `must be at most 255 characters (got ${text.length})` };
  if (/\s/.test(text)) return { problem: 'must not contain spaces' };
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest))
      return { problem: `has a malformed digest "${digest}" (expected sha256: and 64 hex digits)` };
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { problem: `has a malformed tag "${tag}" (letters, digits, _, . and -, at most 128)` };
  }
  const components = rest.split('/');
  let registry: string | undefined;
  const first = components[0] ?? '';
  if (components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    components.shift();
    if (!REGISTRY.test(registry)) return { problem: `has a malformed registry host "${registry}"` };
  }
  if (components.length === 0 || components.some((c) => c === '')) return { problem: 'must name a repository' };
  for (const component of components) {
    if (/[A-Z]/.test(component)) return { problem: 'repository path must be lowercase' };
    if (!PATH_COMPONENT.test(component)) {
      return {
        problem: `has an invalid repository path component "${component}" (lowercase letters and digits, separated by ., _, __ or -)`,
      };
    }
  }
  return {
    ...(registry !== undefined ? { registry } : {}),
    path: components.join('/'),
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}
