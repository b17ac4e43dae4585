// `sagemaker-train build`: the image step alone. Local mode builds into the engine; the remote modes also push to
// image.repository. The engine is connected only when something must be built (a registry hit needs none).
import { ConsoleLogger } from '../logger.js';
import { linkAbort } from '../pipeline/abort.js';
import { messageOf } from '../error-message.js';
import { memoizeDocker } from '../pipeline/docker.js';
import { readRunIdentity } from '../run-identity.js';
import { EXIT, loadOrReport, write, type CliDeps, type Values } from './context.js';

export async function build(values: Values, deps: CliDeps): Promise<number> {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await loadOrReport(values, deps);
  if (!request) return EXIT.usage;
  const { resolveImage } = await import('../image/resolve.js');
  const abort = linkAbort({
    logger,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.handleSignals ? { signals: process } : {}),
  });
  try {
    const image = await resolveImage(request, {
      ...deps.pipeline,
      docker: memoizeDocker(deps.docker),
      logger,
      signal: abort.signal,
      env: deps.env,
      identity: readRunIdentity(deps.env),
    });
    const summary = {
      imageUri: image.uri,
      imageTag: image.tag ?? null,
      imageBuilt: image.built,
      imageSource: image.source ?? null,
    };
    write(
      deps.stdout,
      values.json
        ? JSON.stringify(summary, null, 2)
        : [
            `Image   ${image.uri}`,
            ...(image.tag ? [`Tag     ${image.tag}`] : []),
            `Built   ${image.built ? 'yes' : 'no (already there)'}`,
            ...(image.note ? [`How     ${image.note}`] : []),
          ].join('\n'),
    );
    return EXIT.ok;
  } catch (err) {
    if (abort.signal.aborted) {
      write(deps.stderr, 'error: stopped before the image was ready');
      return EXIT.stopped;
    }
    if (err instanceof Error && err.stack) logger.debug(err.stack);
    write(deps.stderr, `error: ${messageOf(err)}`);
    return EXIT.failed;
  } finally {
    abort.dispose();
  }
}
