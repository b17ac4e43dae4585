import {
  localImageTag,
  resolveImage
} from "./chunk-5CS3DFYW.js";
import "./chunk-7VZ5H7B6.js";
export {
  localImageTag,
  resolveImage
};
