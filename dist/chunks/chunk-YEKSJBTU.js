// src/backends/backend.ts
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

// src/backends/factory.ts
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
          const { LocalBackend } = await import("./local-FZM7N35J.js");
          return new LocalBackend({ docker: clients.docker, ...common });
        })
      );
    case "sagemaker":
      return forMode(
        "sagemaker",
        loadedOnFirstCall(
          async () => (await import("./sagemaker-BFIUSWUX.js")).lazySageMakerBackend({
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
          async () => (await import("./fargate-TBJ2LMYN.js")).lazyFargateBackend({
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

export {
  createBackend,
  modeOfSavedState
};
