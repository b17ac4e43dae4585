// Runs the built action (dist/main.js, dist/post.js) and CLI (dist/cli.js) as the Actions runner and a shell would:
// INPUT_* variables, GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_EVENT_PATH files, and
// STATE_* variables for the post step. Also a recording HTTP server to prove that nothing talked to Docker or AWS.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bundles under test: dist/, or SAGEMAKER_TRAIN_TEST_DIST (a build made elsewhere, then used as it is). */
export const DIST = process.env.SAGEMAKER_TRAIN_TEST_DIST ?? join(REPO_ROOT, 'dist');
/** The Node.js that runs them: NODE_BIN (scripts/test.sh runs the black-box tests again on Node 24), else this one. */
export const NODE_BIN = process.env.NODE_BIN || process.execPath;
/** Where scripts/setup-env.sh installs Node 24 (SAGEMAKER_TRAIN_NODE24 overrides it). */
export const NODE24_BIN =
  process.env.SAGEMAKER_TRAIN_NODE24 ??
  join(process.env.SETUP_STATE_DIR ?? '/var/tmp/sagemaker-train-env', 'node24', 'bin', 'node');

/** The Node.js binaries to run the bundles on: this one, and Node 24 when it is installed. */
export function nodeBinaries(): { label: string; path: string }[] {
  const found = [{ label: `node ${process.versions.node} (this one)`, path: process.execPath }];
  if (existsSync(NODE24_BIN)) found.push({ label: 'node 24 (setup-env.sh)', path: NODE24_BIN });
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Building dist/ once, however many test files (and workers) ask at the same time.

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function distIsCurrent(): boolean {
  const outputs = ['main.js', 'post.js', 'cli.js'].map((f) => join(DIST, f));
  if (!outputs.every((f) => existsSync(f))) return false;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const inputs = ['src', 'package.json', 'package-lock.json', 'scripts/build.mjs'].map((p) => join(REPO_ROOT, p));
  return Math.max(...inputs.filter((p) => existsSync(p)).map(newestMtime)) <= built;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `npm run build` unless dist/ is newer than every source; a lock keeps parallel workers from racing. */
export async function ensureBuilt(): Promise<void> {
  if (process.env.SAGEMAKER_TRAIN_TEST_DIST) return;
  const lock = join(tmpdir(), `smt-build-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`);
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = NaN;
      try {
        owner = Number((await readFile(join(lock, 'pid'), 'utf8')).trim());
      } catch {
        // Being created or removed right now.
      }
      if ((Number.isInteger(owner) && !pidAlive(owner)) || waited > 120_000)
        rmSync(lock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    if (distIsCurrent()) return;
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Running a built entry point.

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment of this process without anything an outer runner (or test) set for the step. */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|AWS_|DOCKER_)/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

export function runNode(
  args: string[],
  options: {
    env: Record<string, string>;
    cwd?: string;
    timeoutMs?: number;
    /** Called once the process is running (to signal it, for example). */
    onStart?: (child: ChildProcess) => void;
    /** The node binary (default NODE_BIN). */
    node?: string;
  },
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(options.node ?? NODE_BIN, args, { cwd: options.cwd ?? REPO_ROOT, env: options.env });
    options.onStart?.(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 170_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** `INPUT_<NAME>` as the runner names it: upper case, spaces to underscores, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Reads a file-command file (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV): `name<<DELIMITER` heredocs, and the older
 * single-line `name=value` form.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i] ?? '');
      if (i >= lines.length) throw new Error(`unterminated ${name}<<${delimiter}`);
      values[name] = body.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`unreadable file command line: ${JSON.stringify(line)}`);
    values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return values;
}

export interface ActionRun extends RunResult {
  outputs: Record<string, string>;
  state: Record<string, string>;
  exportedEnv: Record<string, string>;
  summary: string;
}

export interface ActionRunOptions {
  workspace: string;
  inputs?: Record<string, string>;
  /** For the post step: what the main step saved (passed as STATE_<name>, as the runner does). */
  state?: Record<string, string>;
  /** Extra environment (DOCKER_HOST, AWS_ENDPOINT_URL, …). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Cancels the step as the runner does: sends the signal once the step has saved this state key. */
  interrupt?: { whenState: string; signal: NodeJS.Signals };
  /** The node binary (default NODE_BIN). */
  node?: string;
}

/** The inputs action.yml gives when a workflow does not set them. */
export const ACTION_DEFAULT_INPUTS: Record<string, string> = {
  config: '.github/sagemaker-training.yml',
  'github-token': 'ghs_blackboxtoken0123456789',
};

// A GitHub that refuses everything (403, as for a token without `checks: write`): the default GITHUB_API_URL of
// runAction, so a run that is not about GitHub never reaches api.github.com and never waits on retries. Tests about
// GitHub pass their own stand-in (test/helpers/fake-github.ts) as GITHUB_API_URL.
let refusingGithub: Promise<string> | undefined;
function refusingGithubUrl(): Promise<string> {
  refusingGithub ??= new Promise((resolveUrl) => {
    const server = createServer((req, res) => {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"message":"Resource not accessible by integration"}');
    });
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolveUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
  return refusingGithub;
}

/** Runs dist/<step>.js as the runner would, and reads back what it wrote. */
export async function runAction(step: 'main' | 'post', options: ActionRunOptions): Promise<ActionRun> {
  const files = await mkdtemp(join(tmpdir(), 'smt-runner-'));
  const paths = {
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STATE: join(files, 'state'),
    GITHUB_STEP_SUMMARY: join(files, 'summary.md'),
    GITHUB_ENV: join(files, 'env'),
    GITHUB_PATH: join(files, 'path'),
    GITHUB_EVENT_PATH: join(files, 'event.json'),
  };
  for (const path of Object.values(paths)) await writeFile(path, '');
  await writeFile(paths.GITHUB_EVENT_PATH, JSON.stringify({ repository: { full_name: 'octo/repo' } }));
  const runnerTemp = join(files, 'runner-temp');
  mkdirSync(runnerTemp);

  const env: Record<string, string> = {
    ...cleanEnv(),
    ...paths,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'train',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_API_URL: await refusingGithubUrl(),
    ...options.env,
  };
  for (const [name, value] of Object.entries({ ...ACTION_DEFAULT_INPUTS, ...options.inputs })) {
    env[inputVariable(name)] = value;
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

  try {
    return await runInRunnerFiles(step, options, env, paths);
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

async function runInRunnerFiles(
  step: 'main' | 'post',
  options: ActionRunOptions,
  env: Record<string, string>,
  paths: Record<'GITHUB_OUTPUT' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_ENV', string>,
): Promise<ActionRun> {
  const { interrupt } = options;
  const result = await runNode([join(DIST, `${step}.js`)], {
    env,
    cwd: options.workspace,
    ...(options.node ? { node: options.node } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(interrupt
      ? {
          onStart: (child: ChildProcess) => {
            const poll = setInterval(() => {
              void readFile(paths.GITHUB_STATE, 'utf8').then((text) => {
                if (child.exitCode !== null) clearInterval(poll);
                else if (interrupt.whenState in parseFileCommands(text)) {
                  clearInterval(poll);
                  child.kill(interrupt.signal);
                }
              });
            }, 100);
            child.on('close', () => clearInterval(poll));
          },
        }
      : {}),
  });
  const read = (p: string): Promise<string> => readFile(p, 'utf8');
  return {
    ...result,
    outputs: parseFileCommands(await read(paths.GITHUB_OUTPUT)),
    state: parseFileCommands(await read(paths.GITHUB_STATE)),
    exportedEnv: parseFileCommands(await read(paths.GITHUB_ENV)),
    summary: await read(paths.GITHUB_STEP_SUMMARY),
  };
}

/** Runs dist/cli.js with a clean environment. */
export function runCliProcess(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<RunResult> {
  return runNode([join(DIST, 'cli.js'), ...args], {
    env: { ...cleanEnv(), ...options.env },
    cwd: options.cwd,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A server that records every request (and every connection), to prove that none was made.

export interface RecordingServer {
  port: number;
  requests: { method: string; url: string }[];
  connections: number;
  /** DOCKER_HOST and AWS endpoint variables that point every client at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: { method: string; url: string }[] = [];
  const state = { connections: 0 };
  const server = createServer((req: IncomingMessage, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '' });
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end('{"message":"recording server: no request was expected"}');
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    port,
    requests,
    get connections() {
      return state.connections;
    },
    env: {
      DOCKER_HOST: `tcp://127.0.0.1:${port}`,
      AWS_ENDPOINT_URL: url,
      AWS_ENDPOINT_URL_S3: url,
      AWS_ACCESS_KEY_ID: 'AKIDBLACKBOXTEST',
      AWS_SECRET_ACCESS_KEY: 'blackbox-secret',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
