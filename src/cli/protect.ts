// `sagemaker-train protect`: make the check a required status check on a branch, keeping its other protection.
import { ConsoleLogger } from '../logger.js';
import { EXIT, UsageError, write, type CliDeps, type Values } from './context.js';

export async function protect(values: Values, deps: CliDeps): Promise<number> {
  const [owner, repo, ...more] = (values.repo ?? '').split('/');
  if (!owner || !repo || more.length > 0) throw new UsageError('protect needs --repo OWNER/REPO');
  if (!values.branch) throw new UsageError('protect needs --branch BRANCH');
  const token = deps.env.GITHUB_TOKEN?.trim();
  if (!token) {
    write(deps.stderr, 'error: set GITHUB_TOKEN to a token that may administer the repository');
    return EXIT.usage;
  }
  const { DEFAULT_CHECK_NAME } = await import('../github/check-run.js');
  const checkName = values.check?.trim() || DEFAULT_CHECK_NAME;
  const logger = deps.logger ?? new ConsoleLogger(deps.stderr, values.verbose === true);
  const [{ createGithub, describeGithubError, errorText }, { requireCheck }] = await Promise.all([
    import('../github/client.js'),
    import('../github/protect.js'),
  ]);
  const github = await (deps.createGithub ?? createGithub)({
    token,
    baseUrl: deps.env.GITHUB_API_URL ?? 'https://api.github.com',
    logger,
  });
  try {
    const outcome = await requireCheck({ github, owner, repo, branch: values.branch, checkName });
    const what = {
      'already-required': `"${checkName}" is already required on ${values.branch}.`,
      added: `"${checkName}" is now required on ${values.branch} (other protection settings kept).`,
      protected: `${values.branch} is now protected and requires "${checkName}".`,
    }[outcome];
    write(deps.stdout, what);
    return EXIT.ok;
  } catch (err) {
    write(
      deps.stderr,
      `error: could not update the protection of ${values.branch}: ${errorText(describeGithubError(err))}`,
    );
    return EXIT.failed;
  }
}
