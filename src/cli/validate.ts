// `sagemaker-train validate`: every configuration problem at once, or what would run. Never touches Docker or AWS.
import { ConfigError } from '../config/errors.js';
import { requestSummary } from '../report/request-summary.js';
import { EXIT, loadWithWarnings, printWarnings, write, type CliDeps, type Values } from './context.js';

export async function validate(values: Values, deps: CliDeps): Promise<number> {
  try {
    const { request, warnings } = await loadWithWarnings(values, deps);
    printWarnings(deps, warnings);
    if (values.json) write(deps.stdout, JSON.stringify({ valid: true, request, warnings }, null, 2));
    else {
      const file = request.configFile ?? 'The inputs';
      write(deps.stdout, `${file} is valid.\n\n${requestSummary(request)}`);
    }
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    if (values.json) write(deps.stdout, JSON.stringify({ valid: false, issues: err.issues }, null, 2));
    write(deps.stderr, err.message);
    return EXIT.usage;
  }
}
