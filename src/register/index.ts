// Registration in SageMaker's model registry (src/register/): on the base branch, after a passed gate.
export { registerModel, type RegisterDeps, type RegisterInput } from './register.js';
export { shouldRegister, type RunEvent } from './when.js';
export { customerMetadata, modelQualityReport, type Lineage } from './lineage.js';
