// SageMaker pulls the training image from a registry: a tag that exists only in the local engine cannot run there.
// A rule of the image a run is handed, not of the request (config/ checks those).

/** `host.domain/repo:tag` or `host:port/repo`: an image SageMaker can pull (it cannot pull a local engine tag). */
export function isRegistryImage(uri: string): boolean {
  const slash = uri.indexOf('/');
  if (slash <= 0) return false;
  const host = uri.slice(0, slash);
  return host.includes('.') || host.includes(':') || host === 'localhost';
}

/** Why `uri` cannot run on SageMaker, naming the settings to change; undefined when it can. */
export function registryImageProblem(uri: string): string | undefined {
  if (isRegistryImage(uri)) return undefined;
  return (
    `The image ${uri} is not in a registry: SageMaker pulls the training image from ECR. Set image.uri to an ECR ` +
    'image, or image.repository so the image is built and pushed there.'
  );
}
