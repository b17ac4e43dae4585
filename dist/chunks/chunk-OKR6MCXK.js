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
var chunk_OKR6MCXK_exports = {};
__export(chunk_OKR6MCXK_exports, {
  parseImageReference: () => parseImageReference
});
module.exports = __defProp(chunk_OKR6MCXK_exports, "__esModule", { value: true });
var PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var REGISTRY = /^(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::\d{1,5})?$/;
var TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
var DIGEST = /^sha256:[a-f0-9]{64}$/;
function parseImageReference(text) {
  if (text.length > 255) return { problem: `must be at most 255 characters (got ${text.length})` };
  if (/\s/.test(text)) return { problem: "must not contain spaces" };
  let rest = text;
  let digest;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest))
      return { problem: `has a malformed digest "${digest}" (expected sha256: and 64 hex digits)` };
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { problem: `has a malformed tag "${tag}" (letters, digits, _, . and -, at most 128)` };
  }
  const components = rest.split("/");
  let registry;
  const first = components[0] ?? "";
  if (components.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = first;
    components.shift();
    if (!REGISTRY.test(registry)) return { problem: `has a malformed registry host "${registry}"` };
  }
  if (components.length === 0 || components.some((c) => c === "")) return { problem: "must name a repository" };
  for (const component of components) {
    if (/[A-Z]/.test(component)) return { problem: "repository path must be lowercase" };
    if (!PATH_COMPONENT.test(component)) {
      return {
        problem: `has an invalid repository path component "${component}" (lowercase letters and digits, separated by ., _, __ or -)`
      };
    }
  }
  return {
    ...registry !== void 0 ? { registry } : {},
    path: components.join("/"),
    ...tag !== void 0 ? { tag } : {},
    ...digest !== void 0 ? { digest } : {}
  };
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  parseImageReference
});
