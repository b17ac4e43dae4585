// Bundles the three entry points into dist/, split into chunks so that rarely used heavy modules (the AWS SDK) load
// only when a run needs them and `validate` starts fast; then makes each file CommonJS (see toCommonJs).
import { build, transform } from 'esbuild';
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

// dist/ is CommonJS. esbuild splits code only into ES modules, so each file it writes is then converted on its own,
// `import()` of a chunk becoming a require() of it. Node's ES module loader costs a local run ~20 ms that its CommonJS
// loader does not: ~10 ms to start itself, then ~0.35 ms more a file (each is read, resolved and linked
// asynchronously) for the ~40 files a run loads. The import.meta.url of src/cli.ts (its is-this-the-entry-point test)
// becomes the file's own URL.
const IMPORT_META_URL = '__importMetaUrl';
const importMetaUrlHeader = `var ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;\n`;

// The command line (only: the action runs on a fresh runner each time) keeps V8's compiled code of its files between
// runs on Node 22.1+, as tsc does: in tmpdir/node-compile-cache, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1
// turns it off. A local run starts its container ~15 ms sooner and exits ~35 ms sooner. First, before any chunk loads;
// not on Node 20, where node:module has no such function and would load the ES module loader for nothing.
const compileCachePrelude =
  "if (Number(process.versions.node.split('.')[0]) >= 22) require('node:module').enableCompileCache?.();\n";

async function toCommonJs(text, path) {
  // A shebang (cli.js) stays the first line, and the command line's prelude comes next.
  const shebang = text.startsWith('#!') ? text.slice(0, text.indexOf('\n') + 1) : '';
  const prelude = shebang ? compileCachePrelude : '';
  const { code } = await transform(text.slice(shebang.length), {
    format: 'cjs',
    loader: 'js',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': IMPORT_META_URL },
    sourcefile: path,
    logLevel: 'warning',
  });
  return shebang + prelude + (code.includes(IMPORT_META_URL) ? importMetaUrlHeader : '') + withoutExportCopies(code);
}

// esbuild's CommonJS form copies a module's exports, as getters, into a fresh object twice: into module.exports
// (__toCommonJS) and, at each import() of it, into the importer's view of it (__toESM). Every chunk here is a converted
// ES module whose exports object already holds those getters and is marked __esModule, so both copies are skipped:
// the AWS SDK's SageMaker chunks export ~2,850 names each, and copying them cost a SageMaker or Fargate run ~30 ms.
// Node's built-ins (`import('node:http')`) keep __toESM.
const TO_COMMONJS = /^module\.exports = __toCommonJS\((\w+)\);$/gm;
const CHUNK_TO_ESM = /__toESM\(require\("(\.\.?\/[^"]+\.js)"\)\)/g;

function withoutExportCopies(code) {
  if ((code.match(/^module\.exports = /gm) ?? []).length !== (code.match(TO_COMMONJS) ?? []).length)
    throw new Error('esbuild wrote module.exports in a form toCommonJs does not know');
  return code
    .replace(TO_COMMONJS, 'module.exports = __defProp($1, "__esModule", { value: true });')
    .replace(CHUNK_TO_ESM, 'require("$1")');
}

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
  const text = await toCommonJs(file.text, file.path);
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, text, text.startsWith('#!') ? { mode: 0o755 } : {}); // as esbuild does
}
// The repository's package.json says "module"; the nearest one decides how Node reads a .js file.
await writeFile('dist/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);

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
