// `sagemaker-train protect`: make the check a required status check on a branch, pinned to the App that provides it,
// in the repository ruleset that governs the branch or in its classic protection (keeping every other setting).
import { ConsoleLogger } from '../logger.js';
import { readRunIdentity } from '../run-identity.js';
import { EXIT, UsageError, write, type CliDeps, type Values } from './context.js';

function appIdOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,9}$/.test(value.trim())) {
    throw new UsageError(`--app-id must be a GitHub App's id, a positive whole number (got "${value}")`);
  }
  return Number(value.trim());
}

export async function protect(values: Values, deps: CliDeps): Promise<number> {
  const [owner, repo, ...more] = (values.repo ?? '').split('/');
  if (!owner || !repo || more.length > 0) throw new UsageError('protect needs --repo OWNER/REPO');
  if (!values.branch) throw new UsageError('protect needs --branch BRANCH');
  const appId = appIdOf(values['app-id']);
  // eslint-disable-next-line no-restricted-syntax -- a credential for `protect`, not part of the run's identity
  const token = deps.env.GITHUB_TOKEN?.trim();
  if (!token) {
    write(deps.stderr, 'error: set GITHUB_TOKEN to a token that may administer the repository');
    return EXIT.usage;
  }
  const { DEFAULT_CHECK_NAME } = await import('../github/check-run.js');
  const checkName = values.check?.trim() || DEFAULT_CHECK_NAME;
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const [
    { createGithub, describeGithubError, errorText },
    { protectBranch, NoCheckAppError },
    { BranchNotFoundError },
  ] = await Promise.all([
    import('../github/client.js'),
    import('../github/protect-branch.js'),
    import('../github/check-app.js'),
  ]);
  const github = await (deps.createGithub ?? createGithub)({
    token,
    baseUrl: readRunIdentity(deps.env).apiUrl,
    logger,
  });
  try {
    const lines = await protectBranch({
      github,
      owner,
      repo,
      branch: values.branch,
      checkName,
      ...(appId !== undefined ? { appId } : {}),
      ruleset: values.ruleset === true,
    });
    write(deps.stdout, lines.join('\n'));
    return EXIT.ok;
  } catch (err) {
    const why =
      err instanceof NoCheckAppError || err instanceof BranchNotFoundError
        ? err.message
        : errorText(describeGithubError(err));
    write(deps.stderr, `error: could not require "${checkName}" on ${values.branch}: ${why}`);
    return EXIT.failed;
  }
}
