// esbuild plugin: modules that only some code paths need are evaluated on first call instead of at start-up.
// dockerode requires its BuildKit session (gRPC + protobuf) and docker-modem its SSH transport (ssh2) at load time,
// which costs ~30 ms of every run; we use neither unless a user asks for BuildKit or an ssh:// DOCKER_HOST.
import path from 'node:path';

const LAZY = [
  { request: './session', importer: /[\\/]dockerode[\\/]lib[\\/]docker\.js$/ },
  { request: './ssh', importer: /[\\/]docker-modem[\\/]lib[\\/]modem\.js$/ },
];

export const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\/(session|ssh)$/ }, (args) => {
      const lazy = LAZY.find((l) => l.request === args.path && l.importer.test(args.importer));
      if (!lazy) return undefined;
      // Relative to the build root: the path shows in the bundle, which must not depend on where the checkout lives.
      const file = path.relative(process.cwd(), path.join(args.resolveDir, `${args.path}.js`));
      return { path: file, namespace: 'lazy-module' };
    });
    // Both modules export a single function: forward each call to the real module, required on first use.
    build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({
      contents: `module.exports = function () { return require('./${path.basename(args.path)}').apply(this, arguments); };`,
      resolveDir: path.resolve(path.dirname(args.path)),
      loader: 'js',
    }));
  },
};
