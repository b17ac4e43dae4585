import {
  ConsoleLogger
} from "./chunk-NBTSJA7Y.js";
import {
  memoizeDocker
} from "./chunk-BFTENJIT.js";
import {
  linkAbort
} from "./chunk-KSJBMR3M.js";
import "./chunk-AJ4NKK5M.js";
import {
  readRunIdentity
} from "./chunk-QBYG7RQS.js";
import {
  EXIT,
  loadOrReport,
  write
} from "./chunk-YCPKGGKK.js";
import "./chunk-EXI4PAKY.js";
import "./chunk-YJLFLQOZ.js";
import "./chunk-SZ5DK7JW.js";
import "./chunk-OKR6MCXK.js";
import "./chunk-OWRVBMST.js";
import "./chunk-HIONJ6JB.js";
import "./chunk-KWKXA2KE.js";
import {
  messageOf
} from "./chunk-OEPHYHQN.js";
import "./chunk-7VZ5H7B6.js";

// src/cli/build.ts
async function build(values, deps) {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await loadOrReport(values, deps);
  if (!request) return EXIT.usage;
  const { resolveImage } = await import("./resolve-X5Z5EDCL.js");
  const abort = linkAbort({
    logger,
    ...deps.signal ? { signal: deps.signal } : {},
    ...deps.handleSignals ? { signals: process } : {}
  });
  try {
    const image = await resolveImage(request, {
      ...deps.pipeline,
      docker: memoizeDocker(deps.docker),
      logger,
      signal: abort.signal,
      env: deps.env,
      identity: readRunIdentity(deps.env)
    });
    const summary = {
      imageUri: image.uri,
      imageTag: image.tag ?? null,
      imageBuilt: image.built,
      imageSource: image.source ?? null
    };
    write(
      deps.stdout,
      values.json ? JSON.stringify(summary, null, 2) : [
        `Image   ${image.uri}`,
        ...image.tag ? [`Tag     ${image.tag}`] : [],
        `Built   ${image.built ? "yes" : "no (already there)"}`,
        ...image.note ? [`How     ${image.note}`] : []
      ].join("\n")
    );
    return EXIT.ok;
  } catch (err) {
    if (abort.signal.aborted) {
      write(deps.stderr, "error: stopped before the image was ready");
      return EXIT.stopped;
    }
    if (err instanceof Error && err.stack) logger.debug(err.stack);
    write(deps.stderr, `error: ${messageOf(err)}`);
    return EXIT.failed;
  } finally {
    abort.dispose();
  }
}
export {
  build
};
