import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  ConsoleLogger
} from "./chunk-NBTSJA7Y.js";
import {
  readRunIdentity
} from "./chunk-QBYG7RQS.js";
import {
  EXIT,
  UsageError,
  write
} from "./chunk-YCPKGGKK.js";
import "./chunk-EXI4PAKY.js";
import "./chunk-YJLFLQOZ.js";
import "./chunk-SZ5DK7JW.js";
import "./chunk-OKR6MCXK.js";
import "./chunk-OWRVBMST.js";
import "./chunk-HIONJ6JB.js";
import "./chunk-KWKXA2KE.js";
import "./chunk-7VZ5H7B6.js";

// src/cli/protect.ts
function appIdOf(value) {
  if (value === void 0) return void 0;
  if (!/^[1-9][0-9]{0,9}$/.test(value.trim())) {
    throw new UsageError(`--app-id must be a GitHub App's id, a positive whole number (got "${value}")`);
  }
  return Number(value.trim());
}
async function protect(values, deps) {
  const [owner, repo, ...more] = (values.repo ?? "").split("/");
  if (!owner || !repo || more.length > 0) throw new UsageError("protect needs --repo OWNER/REPO");
  if (!values.branch) throw new UsageError("protect needs --branch BRANCH");
  const appId = appIdOf(values["app-id"]);
  const token = deps.env.GITHUB_TOKEN?.trim();
  if (!token) {
    write(deps.stderr, "error: set GITHUB_TOKEN to a token that may administer the repository");
    return EXIT.usage;
  }
  const { DEFAULT_CHECK_NAME } = await import("./check-run-I6627HG7.js");
  const checkName = values.check?.trim() || DEFAULT_CHECK_NAME;
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const [
    { createGithub, describeGithubError, errorText },
    { protectBranch, NoCheckAppError },
    { BranchNotFoundError }
  ] = await Promise.all([
    import("./client-QFSIAT5C.js"),
    import("./protect-branch-ZVNJJUBE.js"),
    import("./check-app-ZRZLGTUU.js")
  ]);
  const github = await (deps.createGithub ?? createGithub)({
    token,
    baseUrl: readRunIdentity(deps.env).apiUrl,
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
    write(deps.stdout, lines.join("\n"));
    return EXIT.ok;
  } catch (err) {
    const why = err instanceof NoCheckAppError || err instanceof BranchNotFoundError ? err.message : errorText(describeGithubError(err));
    write(deps.stderr, `error: could not require "${checkName}" on ${values.branch}: ${why}`);
    return EXIT.failed;
  }
}
export {
  protect
};
