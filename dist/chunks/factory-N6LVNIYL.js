import {
  createBackend,
  modeOfSavedState
} from "./chunk-VC7NXU5V.js";
import "./chunk-7VZ5H7B6.js";
export {
  createBackend,
  modeOfSavedState
};
