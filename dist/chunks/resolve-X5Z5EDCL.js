import {
  localImageTag,
  resolveImage
} from "./chunk-LKL6FYIQ.js";
import "./chunk-7VZ5H7B6.js";
export {
  localImageTag,
  resolveImage
};
