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
var protect_LHQAYP7S_exports = {};
__export(protect_LHQAYP7S_exports, {
  protect: () => protect
});
module.exports = __defProp(protect_LHQAYP7S_exports, "__esModule", { value: true });
var import_chunk_NBTSJA7Y = require("./chunk-NBTSJA7Y.js");
var import_chunk_QBYG7RQS = require("./chunk-QBYG7RQS.js");
var import_chunk_NK3AZN6Y = require("./chunk-NK3AZN6Y.js");
var import_chunk_634ZN4XJ = require("./chunk-634ZN4XJ.js");
var import_chunk_YJLFLQOZ = require("./chunk-YJLFLQOZ.js");
var import_chunk_SZ5DK7JW = require("./chunk-SZ5DK7JW.js");
var import_chunk_OKR6MCXK = require("./chunk-OKR6MCXK.js");
var import_chunk_UO73Q2OA = require("./chunk-UO73Q2OA.js");
var import_chunk_HIONJ6JB = require("./chunk-HIONJ6JB.js");
var import_chunk_KWKXA2KE = require("./chunk-KWKXA2KE.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
function appIdOf(value) {
  if (value === void 0) return void 0;
  if (!/^[1-9][0-9]{0,9}$/.test(value.trim())) {
    throw new import_chunk_NK3AZN6Y.UsageError(`--app-id must be a GitHub App's id, a positive whole number (got "${value}")`);
  }
  return Number(value.trim());
}
async function protect(values, deps) {
  const [owner, repo, ...more] = (values.repo ?? "").split("/");
  if (!owner || !repo || more.length > 0) throw new import_chunk_NK3AZN6Y.UsageError("protect needs --repo OWNER/REPO");
  if (!values.branch) throw new import_chunk_NK3AZN6Y.UsageError("protect needs --branch BRANCH");
  const appId = appIdOf(values["app-id"]);
  const token = deps.env.GITHUB_TOKEN?.trim();
  if (!token) {
    (0, import_chunk_NK3AZN6Y.write)(deps.stderr, "error: set GITHUB_TOKEN to a token that may administer the repository");
    return import_chunk_NK3AZN6Y.EXIT.usage;
  }
  const { DEFAULT_CHECK_NAME } = await Promise.resolve().then(() => require("./check-run-I6627HG7.js"));
  const checkName = values.check?.trim() || DEFAULT_CHECK_NAME;
  const logger = deps.logger ?? new import_chunk_NBTSJA7Y.ConsoleLogger(deps.stderr, values.verbose === true);
  const [
    { createGithub, describeGithubError, errorText },
    { protectBranch, NoCheckAppError },
    { BranchNotFoundError }
  ] = await Promise.all([
    Promise.resolve().then(() => require("./client-QFSIAT5C.js")),
    Promise.resolve().then(() => require("./protect-branch-ZVNJJUBE.js")),
    Promise.resolve().then(() => require("./check-app-ZRZLGTUU.js"))
  ]);
  const github = await (deps.createGithub ?? createGithub)({
    token,
    baseUrl: (0, import_chunk_QBYG7RQS.readRunIdentity)(deps.env).apiUrl,
    logger
  });
  try {
    const lines = await protectBranch({
      github,
      owner,
      repo,
      branch: values.branch,
      checkName,
      ...appId !== void 0 ? { appId } : {},
      ruleset: values.ruleset === true
    });
    (0, import_chunk_NK3AZN6Y.write)(deps.stdout, lines.join("\n"));
    return import_chunk_NK3AZN6Y.EXIT.ok;
  } catch (err) {
    const why = err instanceof NoCheckAppError || err instanceof BranchNotFoundError ? err.message : errorText(describeGithubError(err));
    (0, import_chunk_NK3AZN6Y.write)(deps.stderr, `error: could not require "${checkName}" on ${values.branch}: ${why}`);
    return import_chunk_NK3AZN6Y.EXIT.failed;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  protect
});
