import {
  localImageTag,
  resolveImage
} from "./chunk-6XJUV4WN.js";
import "./chunk-7VZ5H7B6.js";
export {
  localImageTag,
  resolveImage
};
