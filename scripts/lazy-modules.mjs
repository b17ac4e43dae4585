// Modules that only some code paths need live in their own files under dist/chunks/lazy/ and are required on first
// call, so they are neither parsed nor evaluated at start-up. dockerode requires its BuildKit session (gRPC +
// protobuf) and docker-modem its SSH transport (ssh2) at load time: ~40 ms of every run, for features we use only
// when a user asks for BuildKit or an ssh:// DOCKER_HOST.

const LAZY = [
  { name: 'session', request: './session', importer: /[\\/]dockerode[\\/]lib[\\/]docker\.js$/ },
  { name: 'ssh', request: './ssh', importer: /[\\/]docker-modem[\\/]lib[\\/]modem\.js$/ },
];

/** Entry points of the separate CommonJS bundles, relative to the build root. */
export const lazyEntryPoints = {
  session: 'node_modules/dockerode/lib/session.js',
  ssh: 'node_modules/docker-modem/lib/ssh.js',
};

export const LAZY_DIR = 'lazy';

/** esbuild plugin for the main bundle: each lazy module becomes a stub that requires its own bundle on first call. */
export const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\/(session|ssh)$/ }, (args) => {
      const lazy = LAZY.find((l) => l.request === args.path && l.importer.test(args.importer));
      if (!lazy) return undefined;
      return { path: lazy.name, namespace: 'lazy-module' };
    });
    // Both modules export a single function: forward each call. The request is resolved at run time relative to the
    // chunk that holds the stub (dist/chunks/), through the bundle's createRequire.
    build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({
      contents: `module.exports = function () { return require('./${LAZY_DIR}/${args.path}.cjs').apply(this, arguments); };`,
      loader: 'js',
    }));
    build.onResolve({ filter: new RegExp(`^\\./${LAZY_DIR}/`) }, (args) => ({ path: args.path, external: true }));
  },
};
