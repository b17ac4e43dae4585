var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var chunk_4VGYOB5M_exports = {};
__export(chunk_4VGYOB5M_exports, {
  cdiGpuCount: () => cdiGpuCount,
  decideGpu: () => decideGpu,
  engineGpuSupport: () => engineGpuSupport,
  instanceTypeHasGpu: () => instanceTypeHasGpu,
  isGpuRefusal: () => isGpuRefusal,
  needsEngineInfo: () => needsEngineInfo
});
module.exports = __defProp(chunk_4VGYOB5M_exports, "__esModule", { value: true });
var import_chunk_OEPHYHQN = require("./chunk-OEPHYHQN.js");
var GPU_FAMILY = /^(p|g|gr)\d/;
function instanceTypeHasGpu(instanceType) {
  const type = instanceType.trim().toLowerCase();
  if (type === "local_gpu") return true;
  const [prefix, family] = type.split(".");
  return prefix === "ml" && family !== void 0 && GPU_FAMILY.test(family);
}
function needsEngineInfo(job) {
  return instanceTypeHasGpu(job.instanceType) || job.networkIsolation === true;
}
function cdiGpuCount(info) {
  const ids = (info.DiscoveredDevices ?? []).filter((device) => device.Source === "cdi" && /gpu=\d+$/i.test(device.ID ?? "")).map((device) => device.ID);
  return ids.length > 0 ? new Set(ids).size : void 0;
}
function engineGpuSupport(info) {
  if (info.Runtimes && Object.keys(info.Runtimes).some((name) => name.toLowerCase().includes("nvidia"))) {
    return "nvidia runtime";
  }
  const cdi = (info.DiscoveredDevices ?? []).some(
    (device) => device.Source === "cdi" && (device.ID ?? "").toLowerCase().includes("gpu")
  );
  return cdi ? "CDI" : void 0;
}
function decideGpu(opts) {
  if (!instanceTypeHasGpu(opts.instanceType)) return { useGpu: false };
  if (opts.engineSupport) return { useGpu: true, via: opts.engineSupport };
  const demanded = opts.instanceType.trim().toLowerCase() === "local_gpu" || opts.policy === "required";
  if (demanded) {
    const why = opts.instanceType === "local_gpu" ? "instance type local_gpu needs GPUs" : `instance type ${opts.instanceType} has GPUs and local.gpu is "required"`;
    return {
      useGpu: true,
      via: "a device request for all GPUs (docker info lists no GPU runtime)",
      refusal: `${why}, but the Docker engine has no GPU runtime (no "nvidia" runtime in docker info, no CDI GPU devices, and the engine refused the device request). Install the NVIDIA Container Toolkit and configure Docker for it, or set local.gpu: optional (with an ml.* instance type) to run on CPU.`
    };
  }
  return {
    useGpu: false,
    warning: `Instance type ${opts.instanceType} has GPUs but the Docker engine has no GPU runtime: running on CPU because local.gpu is "optional".`
  };
}
function isGpuRefusal(err) {
  const message = (0, import_chunk_OEPHYHQN.messageOf)(err);
  return /could not select device driver/i.test(message);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  cdiGpuCount,
  decideGpu,
  engineGpuSupport,
  instanceTypeHasGpu,
  isGpuRefusal,
  needsEngineInfo
});
