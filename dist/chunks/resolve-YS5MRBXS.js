import {
  localImageTag,
  resolveImage
} from "./chunk-BRXNCLOZ.js";
import "./chunk-7VZ5H7B6.js";
export {
  localImageTag,
  resolveImage
};
