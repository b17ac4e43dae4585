import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  memoizeDocker
} from "./chunk-JNPUN5AF.js";
import {
  linkAbort
} from "./chunk-4GNBZ3ZO.js";
import "./chunk-BGZQFWND.js";
import {
  ConsoleLogger
} from "./chunk-7CYAUQXO.js";
import {
  readRunIdentity
} from "./chunk-ABT65SKP.js";
import {
  EXIT,
  loadOrReport,
  write
} from "./chunk-A2M5ROJM.js";
import "./chunk-7Z4LDHEY.js";
import "./chunk-VHNHW4JV.js";
import "./chunk-AGW3FMZB.js";
import "./chunk-M2NW7RRS.js";
import "./chunk-B3JEVRDI.js";
import "./chunk-U5VYFFZZ.js";
import "./chunk-S3SLN6VT.js";
import {
  messageOf
} from "./chunk-H2G727SZ.js";
import "./chunk-DPCXCUBM.js";

// src/cli/build.ts
async function build(values, deps) {
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await loadOrReport(values, deps);
  if (!request) return EXIT.usage;
  const { resolveImage } = await import("./resolve-L5E2XJSB.js");
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
