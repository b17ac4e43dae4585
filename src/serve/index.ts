// The serve smoke test (src/serve/): the image started as SageMaker hosting starts it, against the trained model.
export { runServeTest, type ServeTestDeps } from './smoke-test.js';
export { cleanupServe } from './cleanup.js';
export { hostingEnv, serveContainerOptions, SERVE_LABEL, SERVE_PORT } from './hosting.js';
export { pullImage, type PullDeps } from './pull.js';
