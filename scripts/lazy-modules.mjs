// Modules that only some code paths need live in their own files under dist/chunks/lazy/ and are required on first
// call, so they are neither parsed nor evaluated at start-up. dockerode requires its BuildKit session (gRPC +
// protobuf) and docker-modem its SSH transport (ssh2) at load time: ~40 ms of every run, for features we use only
// when a user asks for BuildKit or an ssh:// DOCKER_HOST. dockerode's BuildKit progress decoder (protobufjs, ~200 KB)
// and tar-fs (which it uses only to pack a build context from a folder; we send our own tar) are only parsed, not
// run, at start-up, but parsing is most of what they cost. docker-modem also requires Node's https (and with it tls:
// ~4.5 ms) at load time, which only an engine over TLS uses; dockerode requires Node's zlib (~5 ms) to gzip a build
// context it packs itself, which we never ask of it (a local run loads zlib while its containers start).

// `exports` says what the stub forwards: a module that is one function, or an object of functions. A module that is
// required only inside a function (`call-time`) needs no stub: the require itself moves to run time. A Node built-in
// (`builtin`) needs no bundle: its stub is an object that requires it on the first property read (docker-modem makes
// it the prototype of its own https client, reached only for a TLS engine).
const LAZY = [
  { name: 'session', request: './session', importer: /[\\/]dockerode[\\/]lib[\\/]docker\.js$/, exports: 'function' },
  { name: 'ssh', request: './ssh', importer: /[\\/]docker-modem[\\/]lib[\\/]modem\.js$/, exports: 'function' },
  { name: 'buildkit', request: './buildkit', importer: /[\\/]dockerode[\\/]lib[\\/]docker\.js$/, exports: 'call-time' },
  { name: 'tar-fs', request: 'tar-fs', importer: /[\\/]dockerode[\\/]lib[\\/]util\.js$/, exports: ['pack', 'extract'] },
  { name: 'https', request: 'https', importer: /[\\/]docker-modem[\\/]lib[\\/]http\.js$/, exports: 'builtin' },
  { name: 'zlib', request: 'zlib', importer: /[\\/]dockerode[\\/]lib[\\/]util\.js$/, exports: 'builtin' },
];

/** Entry points of the separate CommonJS bundles, relative to the build root. */
export const lazyEntryPoints = {
  session: 'node_modules/dockerode/lib/session.js',
  ssh: 'node_modules/docker-modem/lib/ssh.js',
  buildkit: 'node_modules/dockerode/lib/buildkit.js',
  'tar-fs': 'node_modules/tar-fs/index.js',
};

export const LAZY_DIR = 'lazy';

// The request is resolved at run time relative to the chunk that holds the stub (dist/chunks/), by that CommonJS
// module's own require.
const lazyRequire = (name) => `require('./${LAZY_DIR}/${name}.cjs')`;

function stubSource({ name, exports }) {
  if (exports === 'builtin') {
    return `module.exports = new Proxy({}, { get: (_, key) => require('node:${name}')[key], has: (_, key) => key in require('node:${name}') });`;
  }
  if (exports === 'function') {
    return `module.exports = function () { return ${lazyRequire(name)}.apply(this, arguments); };`;
  }
  return exports
    .map((fn) => `exports.${fn} = function () { return ${lazyRequire(name)}.${fn}.apply(this, arguments); };`)
    .join('\n');
}

/** esbuild plugin for the main bundle: each lazy module becomes a stub that requires its own bundle on first call. */
export const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const requests = new RegExp(`^(${LAZY.map((l) => l.request.replace(/[.\\/-]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter: requests }, (args) => {
      const lazy = LAZY.find((l) => l.request === args.path && l.importer.test(args.importer));
      if (!lazy) return undefined;
      if (lazy.exports === 'call-time') return { path: `./${LAZY_DIR}/${lazy.name}.cjs`, external: true };
      return { path: lazy.name, namespace: 'lazy-module' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({
      contents: stubSource(LAZY.find((l) => l.name === args.path)),
      loader: 'js',
    }));
    build.onResolve({ filter: new RegExp(`^\\./${LAZY_DIR}/`) }, (args) => ({ path: args.path, external: true }));
  },
};
