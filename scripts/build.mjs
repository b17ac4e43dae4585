// Bundles the three entry points into dist/. ESM with code splitting, so rarely used heavy modules (the AWS SDK)
// load only when a run needs them and `validate` starts fast.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAZY_DIR, lazyEntryPoints, lazyModules } from './lazy-modules.mjs';

// The code reads only the name and version of package.json: bundle those, so that a change to its dependencies does not
// change dist/.
const packageFields = {
  name: 'package-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]package\.json$/ }, async (args) => {
      if (args.path !== fileURLToPath(new URL('../package.json', import.meta.url))) return undefined;
      const { name, version } = JSON.parse(await readFile(args.path, 'utf8'));
      return { contents: JSON.stringify({ name, version }), loader: 'json' };
    });
  },
};

// readable-stream 3 is a copy of Node 10's streams (84 KB parsed on every run) that docker-modem takes only for the
// Duplex of hijacked connections. The package itself switches to Node's own streams when READABLE_STREAM=disable; do
// that at build time. (tar-fs keeps its own copy in its lazy bundle, which is built without this plugin.)
const nativeStreams = {
  name: 'native-streams',
  setup(build) {
    build.onResolve({ filter: /^readable-stream$/ }, () => ({ path: 'readable-stream', namespace: 'native-streams' }));
    build.onLoad({ filter: /.*/, namespace: 'native-streams' }, () => ({
      contents: "module.exports = require('node:stream');",
      loader: 'js',
    }));
  },
};

// yaml's `node` export is its CommonJS build: bundled, that is ~140 module wrappers run one by one at start, in every
// command (~10 ms of `validate`). Its `default` export (which it names browser/) is the same code as ES modules, which
// esbuild hoists into one scope and tree-shakes. The two builds differ only where we do not reach: the Node build
// reads the LOG_TOKENS and LOG_STREAM debugging variables, and YAML.parse() warns through process.emitWarning rather
// than console.warn (we call parseDocument(), which collects warnings on the document).
const yamlModules = {
  name: 'yaml-modules',
  setup(build) {
    const esm = fileURLToPath(new URL('../node_modules/yaml/browser/index.js', import.meta.url));
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: esm }));
  },
};

// docker-modem writes each request's options (util.inspect, depth unlimited: evaluated even when its DEBUG output is
// off, ~1 ms a request) and each response under DEBUG=modem: X-Registry-Auth, the containers' Env with the AWS
// credentials a local run hands them, their inspect output. None of that may reach a log, so its debug is a no-op here
// and the inspect is gone. The build fails if the line to remove is not found (a new docker-modem is then read again).
const quietDockerModem = {
  name: 'quiet-docker-modem',
  setup(build) {
    const inDockerModem = /[\\/]docker-modem[\\/]lib[\\/]/;
    build.onResolve({ filter: /^debug$/ }, (args) =>
      inDockerModem.test(args.importer) ? { path: 'debug', namespace: 'quiet-debug' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'quiet-debug' }, () => ({
      contents: 'module.exports = function () { return function debug() {}; };',
      loader: 'js',
    }));
    build.onLoad({ filter: /[\\/]docker-modem[\\/]lib[\\/]modem\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const requestLog = /debug\('Sending: %s', util\.inspect\(options, \{[^}]*\}\)\);/;
      if (!requestLog.test(source)) throw new Error(`${args.path}: its request log line is not there any more`);
      return { contents: source.replace(requestLog, ''), loader: 'js' };
    });
  },
};

// Bundled CommonJS dependencies (dockerode's ssh2) use require, __filename and __dirname: the bundles that name them get
// them from this header. Only those: each of the ~30 modules that a command loads would otherwise make a require
// function and convert its URL at start (~2 ms of every command here).
const commonJsHeader = [
  "import { createRequire as __smtCreateRequire } from 'node:module';",
  "import { fileURLToPath as __smtFileURLToPath } from 'node:url';",
  "import { dirname as __smtDirname } from 'node:path';",
  'const require = __smtCreateRequire(import.meta.url);',
  'const __filename = __smtFileURLToPath(import.meta.url);',
  'const __dirname = __smtDirname(__filename);',
].join(' ');
const COMMONJS_NAMES = /(?<![\w$])(?:require|__filename|__dirname)(?![\w$])/;

await rm('dist', { recursive: true, force: true });
const { outputFiles } = await build({
  entryPoints: { main: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Prefer packages' ES module builds (the AWS SDK ships both): a lazy import() of a CommonJS build gives the bundle a
  // default export only, and `const { S3Client } = await import(...)` would read undefined.
  mainFields: ['module', 'main'],
  // ssh2's optional native binding is never used (we talk to the engine over its socket or TCP).
  loader: { '.node': 'empty' },
  plugins: [lazyModules, nativeStreams, packageFields, yamlModules, quietDockerModem],
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});
for (const file of outputFiles) {
  // A shebang (cli.js) stays the first line.
  const shebang = file.text.startsWith('#!') ? file.text.slice(0, file.text.indexOf('\n') + 1) : '';
  const code = file.text.slice(shebang.length);
  const text = COMMONJS_NAMES.test(code) ? `${shebang}${commonJsHeader}\n${code}` : file.text;
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, text, shebang ? { mode: 0o755 } : {}); // as esbuild does
}

// The modules the stubs above require on first use, each a self-contained CommonJS bundle.
await build({
  entryPoints: lazyEntryPoints,
  outdir: `dist/chunks/${LAZY_DIR}`,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  loader: { '.node': 'empty' },
  legalComments: 'none',
  logLevel: 'warning',
});
