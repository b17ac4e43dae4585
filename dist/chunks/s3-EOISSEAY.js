import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  createS3Client,
  downloadObject,
  joinS3Key,
  listObjects,
  putJsonObject,
  readSmallObject,
  s3Uri,
  uploadStream
} from "./chunk-RBPMM6CA.js";
import "./chunk-RV6NU5IZ.js";
import "./chunk-DPCXCUBM.js";
export {
  createS3Client,
  downloadObject,
  joinS3Key,
  listObjects,
  putJsonObject,
  readSmallObject,
  s3Uri,
  uploadStream
};
