#!/usr/bin/env node
// `sagemaker-train`: validate a configuration, build its image, train it (in any mode) exactly as CI would, make the
// check required, or run as the Fargate task's runner. One file per command under src/cli/; this one dispatches.
// Start-up matters (`validate` must be quick), so each command loads only what it needs.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { messageOf } from './error-message.js';
import { baselineWasmAtFirstFetch } from './cli/baseline-wasm.js';
import { EXIT, parse, UsageError, write, type CliDeps } from './cli/context.js';
import { exitWhenFlushed } from './cli/exit.js';
import { helpText, VERSION } from './cli/help.js';
import { validate } from './cli/validate.js';

export { EXIT, type CliDeps } from './cli/context.js';
export { helpText } from './cli/help.js';

/** Runs the command line and returns the exit code; never exits the process itself (but a second Ctrl-C does). */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  try {
    const { command, values } = parse(argv);
    if (values.version) {
      write(deps.stdout, VERSION);
      return EXIT.ok;
    }
    if (values.help || command === 'help') {
      write(deps.stdout, helpText());
      return EXIT.ok;
    }
    switch (command) {
      case undefined:
        write(deps.stderr, `${helpText()}\nerror: a command is required (run, build or validate)`);
        return EXIT.usage;
      case 'validate':
        return await validate(values, deps);
      case 'protect':
        return await (await import('./cli/protect.js')).protect(values, deps);
      case 'runner':
        return await (await import('./cli/runner.js')).runner(values, deps);
      case 'build':
        return await (await import('./cli/build.js')).build(values, deps);
      case 'run':
        return await (await import('./cli/run.js')).run(values, deps);
      case 'fingerprint':
        return await (await import('./cli/fingerprint.js')).fingerprint(values, deps);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      write(deps.stderr, `error: ${err.message}\nRun 'sagemaker-train --help' for the options.`);
      return EXIT.usage;
    }
    write(deps.stderr, `error: ${messageOf(err)}`);
    return EXIT.failed;
  }
}

function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** The process's command line, run to its exit code. */
async function main(): Promise<void> {
  // Baseline code for fetch's WebAssembly parser, so that exit does not wait for its optimisation (see the module).
  baselineWasmAtFirstFetch(globalThis);
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    handleSignals: true,
  });
  await exitWhenFlushed(code);
}

// No top-level await: dist/ is CommonJS (see scripts/build.mjs).
if (isEntryPoint(import.meta.url)) void main();
