import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);

// src/image/ecr-host.ts
var ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com(?:\.cn)?$/;
function parseEcrHost(host) {
  const match = ECR_HOST.exec(host);
  if (!match) return void 0;
  return { account: match[1] ?? "", region: match[2] ?? "", host };
}

export {
  parseEcrHost
};
