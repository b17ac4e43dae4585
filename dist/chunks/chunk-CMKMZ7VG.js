import {
  ECR_HOST_PATTERN
} from "./chunk-KWKXA2KE.js";

// src/image/ecr-host.ts
function parseEcrHost(host) {
  const match = ECR_HOST_PATTERN.exec(host);
  if (!match) return void 0;
  return { account: match[1] ?? "", region: match[2] ?? "", host };
}

export {
  parseEcrHost
};
