import { createRequire as __smtCreateRequire } from 'node:module'; import { fileURLToPath as __smtFileURLToPath } from 'node:url'; import { dirname as __smtDirname } from 'node:path'; const require = __smtCreateRequire(import.meta.url); const __filename = __smtFileURLToPath(import.meta.url); const __dirname = __smtDirname(__filename);
import {
  require_dist_cjs
} from "./chunk-HAWXZRGC.js";
import "./chunk-6SSA3KUM.js";
import "./chunk-A4FXCIRB.js";
import "./chunk-DTNDBKLT.js";
import "./chunk-W2TOWP6Q.js";
export default require_dist_cjs();
