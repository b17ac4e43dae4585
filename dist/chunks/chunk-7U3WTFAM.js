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
var chunk_7U3WTFAM_exports = {};
__export(chunk_7U3WTFAM_exports, {
  createBackend: () => createBackend,
  modeOfSavedState: () => modeOfSavedState
});
module.exports = __defProp(chunk_7U3WTFAM_exports, "__esModule", { value: true });
function isModeContext(ctx, mode) {
  return ctx.request.mode === mode;
}
function forMode(mode, backend) {
  return {
    run(ctx) {
      if (!isModeContext(ctx, mode)) {
        return Promise.reject(new Error(`The ${mode} backend was handed a ${ctx.request.mode} request`));
      }
      return backend.run(ctx);
    },
    cleanup: (saved, ctx) => backend.cleanup(saved, ctx)
  };
}
function createBackend(mode, clients) {
  const common = {
    ...clients.s3 ? { s3: clients.s3 } : {},
    ...clients.now ? { now: clients.now } : {}
  };
  switch (mode) {
    case "local":
      return forMode(
        "local",
        loadedOnFirstCall(async () => {
          const { LocalBackend } = await Promise.resolve().then(() => require("./local-ZULZIDIV.js"));
          return new LocalBackend({ docker: clients.docker, ...common });
        })
      );
    case "sagemaker":
      return forMode(
        "sagemaker",
        loadedOnFirstCall(
          async () => (await Promise.resolve().then(() => require("./sagemaker-XO4WP5SO.js"))).lazySageMakerBackend({
            identity: clients.identity,
            ...common,
            ...clients.stopSavedJob ? { stopSavedJob: clients.stopSavedJob } : {}
          })
        )
      );
    case "fargate":
      return forMode(
        "fargate",
        loadedOnFirstCall(
          async () => (await Promise.resolve().then(() => require("./fargate-RGRMCEZP.js"))).lazyFargateBackend({
            identity: clients.identity,
            ...common,
            ...clients.stopSavedTask ? { stopSavedTask: clients.stopSavedTask } : {},
            ...clients.stopSavedJob ? { stopSavedJob: clients.stopSavedJob } : {}
          })
        )
      );
  }
}
function loadedOnFirstCall(load) {
  let backend;
  const loaded = () => backend ??= load();
  return {
    run: async (ctx) => (await loaded()).run(ctx),
    cleanup: async (saved, ctx) => (await loaded()).cleanup(saved, ctx)
  };
}
function modeOfSavedState(saved) {
  if (saved.taskArn || saved.fargateCluster) return "fargate";
  if (saved.sagemakerRegion) return "sagemaker";
  return "local";
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createBackend,
  modeOfSavedState
});
