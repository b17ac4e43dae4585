var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var build_YU6ZDJXT_exports = {};
__export(build_YU6ZDJXT_exports, {
  build: () => build
});
module.exports = __defProp(build_YU6ZDJXT_exports, "__esModule", { value: true });
var import_chunk_NBTSJA7Y = require("./chunk-NBTSJA7Y.js");
var import_chunk_TERDQLG2 = require("./chunk-TERDQLG2.js");
var import_chunk_4VGYOB5M = require("./chunk-4VGYOB5M.js");
var import_chunk_KSJBMR3M = require("./chunk-KSJBMR3M.js");
var import_chunk_AJ4NKK5M = require("./chunk-AJ4NKK5M.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_NK3AZN6Y = require("./chunk-NK3AZN6Y.js");
var import_chunk_634ZN4XJ = require("./chunk-634ZN4XJ.js");
var import_chunk_YJLFLQOZ = require("./chunk-YJLFLQOZ.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_OKR6MCXK = require("./chunk-OKR6MCXK.js");
var import_chunk_UO73Q2OA = require("./chunk-UO73Q2OA.js");
var import_chunk_HIONJ6JB = require("./chunk-HIONJ6JB.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
async function build(values, deps) {
  const logger = deps.logger ?? new import_chunk_NBTSJA7Y.ConsoleLogger(deps.stderr, values.verbose === true);
  const request = await (0, import_chunk_NK3AZN6Y.loadOrReport)(values, deps);
  if (!request) return import_chunk_NK3AZN6Y.EXIT.usage;
  const { resolveImage } = await Promise.resolve().then(() => require("./resolve-X5Z5EDCL.js"));
  const abort = (0, import_chunk_KSJBMR3M.linkAbort)({
    logger,
    ...deps.signal ? { signal: deps.signal } : {},
    ...deps.handleSignals ? { signals: process } : {}
  });
  try {
    const image = await resolveImage(request, {
      ...deps.pipeline,
      docker: (0, import_chunk_TERDQLG2.memoizeDocker)(deps.docker),
      logger,
      signal: abort.signal,
      env: deps.env,
      identity: (0, import_chunk_QBYG7RQS.readRunIdentity)(deps.env)
    });
    const summary = {
      imageUri: image.uri,
      imageTag: image.tag ?? null,
      imageBuilt: image.built,
      imageSource: image.source ?? null
    };
    (0, import_chunk_NK3AZN6Y.write)(
      deps.stdout,
      values.json ? JSON.stringify(summary, null, 2) : [
        `Image   ${image.uri}`,
        ...image.tag ? [`Tag     ${image.tag}`] : [],
        `Built   ${image.built ? "yes" : "no (already there)"}`,
        ...image.note ? [`How     ${image.note}`] : []
      ].join("\n")
    );
    return import_chunk_NK3AZN6Y.EXIT.ok;
  } catch (err) {
    if (abort.signal.aborted) {
      (0, import_chunk_NK3AZN6Y.write)(deps.stderr, "error: stopped before the image was ready");
      return import_chunk_NK3AZN6Y.EXIT.stopped;
    }
    if (err instanceof Error && err.stack) logger.debug(err.stack);
    (0, import_chunk_NK3AZN6Y.write)(deps.stderr, `error: ${(0, import_chunk_OEPHYHQN.messageOf)(err)}`);
    return import_chunk_NK3AZN6Y.EXIT.failed;
  } finally {
    abort.dispose();
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  build
});
