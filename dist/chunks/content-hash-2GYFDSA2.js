import {
  hashBuildContext,
  hashFile
} from "./chunk-OM6D42WG.js";
import "./chunk-SPTEJLOZ.js";
import "./chunk-VBX2D4NB.js";
import "./chunk-6EMK3JHB.js";
import "./chunk-OEPHYHQN.js";
import "./chunk-7VZ5H7B6.js";
export {
  hashBuildContext,
  hashFile
};
