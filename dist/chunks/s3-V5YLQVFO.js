import {
  createS3Client,
  downloadObject,
  joinS3Key,
  listObjects,
  putJsonObject,
  readSmallObject,
  s3Uri,
  uploadStream
} from "./chunk-G3PK4UPH.js";
import "./chunk-ZIWWOMLH.js";
import "./chunk-7VZ5H7B6.js";
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
