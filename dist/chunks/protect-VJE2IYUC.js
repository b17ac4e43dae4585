import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  ConsoleLogger
} from "./chunk-7CYAUQXO.js";
import {
  EXIT,
  UsageError,
  write
} from "./chunk-ED3DG5Z7.js";
import "./chunk-G7BYGF26.js";
import "./chunk-VHNHW4JV.js";
import "./chunk-AGW3FMZB.js";
import "./chunk-B3JEVRDI.js";
import "./chunk-NSEUCI5W.js";
import "./chunk-U5VYFFZZ.js";
import "./chunk-DPCXCUBM.js";

// src/cli/protect.ts
async function protect(values, deps) {
  const [owner, repo, ...more] = (values.repo ?? "").split("/");
  if (!owner || !repo || more.length > 0) throw new UsageError("protect needs --repo OWNER/REPO");
  if (!values.branch) throw new UsageError("protect needs --branch BRANCH");
  const token = deps.env.GITHUB_TOKEN?.trim();
  if (!token) {
    write(deps.stderr, "error: set GITHUB_TOKEN to a token that may administer the repository");
    return EXIT.usage;
  }
  const { DEFAULT_CHECK_NAME } = await import("./check-run-4EUCUFUZ.js");
  const checkName = values.check?.trim() || DEFAULT_CHECK_NAME;
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const [{ createGithub, describeGithubError, errorText }, { requireCheck }] = await Promise.all([
    import("./client-WFNL2ZDK.js"),
    import("./protect-OQNJVV3N.js")
  ]);
  const github = await (deps.createGithub ?? createGithub)({
    token,
    baseUrl: deps.env.GITHUB_API_URL ?? "https://api.github.com",
    logger
  });
  try {
    const outcome = await requireCheck({ github, owner, repo, branch: values.branch, checkName });
    const what = {
      "already-required": `"${checkName}" is already required on ${values.branch}.`,
      added: `"${checkName}" is now required on ${values.branch} (other protection settings kept).`,
      protected: `${values.branch} is now protected and requires "${checkName}".`
    }[outcome];
    write(deps.stdout, what);
    return EXIT.ok;
  } catch (err) {
    write(
      deps.stderr,
      `error: could not update the protection of ${values.branch}: ${errorText(describeGithubError(err))}`
    );
    return EXIT.failed;
  }
}
export {
  protect
};
