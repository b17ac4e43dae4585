var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var client_QNR5RGEB_exports = {};
__export(client_QNR5RGEB_exports, {
  DEFAULT_UA_APP_ID: () => import_chunk_LYTMSHXR.DEFAULT_UA_APP_ID,
  EndpointError: () => import_chunk_LYTMSHXR.EndpointError,
  NODE_APP_ID_CONFIG_OPTIONS: () => import_chunk_LYTMSHXR.NODE_APP_ID_CONFIG_OPTIONS,
  NODE_REGION_CONFIG_FILE_OPTIONS: () => import_chunk_LU7E3M5V.NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS: () => import_chunk_LU7E3M5V.NODE_REGION_CONFIG_OPTIONS,
  REGION_ENV_NAME: () => import_chunk_LU7E3M5V.REGION_ENV_NAME,
  REGION_INI_NAME: () => import_chunk_LU7E3M5V.REGION_INI_NAME,
  UA_APP_ID_ENV_NAME: () => import_chunk_LYTMSHXR.UA_APP_ID_ENV_NAME,
  UA_APP_ID_INI_NAME: () => import_chunk_LYTMSHXR.UA_APP_ID_INI_NAME,
  awsEndpointFunctions: () => import_chunk_LYTMSHXR.awsEndpointFunctions,
  createDefaultUserAgentProvider: () => import_chunk_LYTMSHXR.createDefaultUserAgentProvider,
  createUserAgentStringParsingProvider: () => import_chunk_LYTMSHXR.createUserAgentStringParsingProvider,
  crtAvailability: () => import_chunk_LYTMSHXR.crtAvailability,
  defaultUserAgent: () => import_chunk_LYTMSHXR.defaultUserAgent,
  emitWarningIfUnsupportedVersion: () => import_chunk_LYTMSHXR.emitWarningIfUnsupportedVersion2,
  fallback: () => import_chunk_LYTMSHXR.fallback,
  getAwsRegionExtensionConfiguration: () => import_chunk_LYTMSHXR.getAwsRegionExtensionConfiguration,
  getDefaultSocketTimeout: () => import_chunk_LYTMSHXR.getDefaultSocketTimeout,
  getHostHeaderPlugin: () => import_chunk_LYTMSHXR.getHostHeaderPlugin,
  getLoggerPlugin: () => import_chunk_LYTMSHXR.getLoggerPlugin,
  getLongPollPlugin: () => import_chunk_LYTMSHXR.getLongPollPlugin,
  getRecursionDetectionPlugin: () => import_chunk_LYTMSHXR.getRecursionDetectionPlugin,
  getUserAgentMiddlewareOptions: () => import_chunk_LYTMSHXR.getUserAgentMiddlewareOptions,
  getUserAgentPlugin: () => import_chunk_LYTMSHXR.getUserAgentPlugin,
  getUserAgentPrefix: () => import_chunk_LYTMSHXR.getUserAgentPrefix,
  hostHeaderMiddleware: () => import_chunk_LYTMSHXR.hostHeaderMiddleware,
  hostHeaderMiddlewareOptions: () => import_chunk_LYTMSHXR.hostHeaderMiddlewareOptions,
  isIpAddress: () => import_chunk_LYTMSHXR.isIpAddress,
  isVirtualHostableS3Bucket: () => import_chunk_LYTMSHXR.isVirtualHostableS3Bucket,
  loggerMiddleware: () => import_chunk_LYTMSHXR.loggerMiddleware,
  loggerMiddlewareOptions: () => import_chunk_LYTMSHXR.loggerMiddlewareOptions,
  parseArn: () => import_chunk_LYTMSHXR.parseArn,
  partition: () => import_chunk_LYTMSHXR.partition,
  recursionDetectionMiddleware: () => import_chunk_LYTMSHXR.recursionDetectionMiddleware,
  recursionDetectionMiddlewareOptions: () => import_chunk_LYTMSHXR.recursionDetectionMiddlewareOptions,
  resolveAwsRegionExtensionConfiguration: () => import_chunk_LYTMSHXR.resolveAwsRegionExtensionConfiguration,
  resolveDefaultAwsRegionalEndpointsConfig: () => import_chunk_LYTMSHXR.resolveDefaultAwsRegionalEndpointsConfig,
  resolveEndpoint: () => import_chunk_LYTMSHXR.resolveEndpoint,
  resolveHostHeaderConfig: () => import_chunk_LYTMSHXR.resolveHostHeaderConfig,
  resolveRegionConfig: () => import_chunk_LU7E3M5V.resolveRegionConfig,
  resolveUserAgentConfig: () => import_chunk_LYTMSHXR.resolveUserAgentConfig,
  setCredentialFeature: () => import_chunk_LYTMSHXR.setCredentialFeature,
  setFeature: () => import_chunk_LYTMSHXR.setFeature,
  setPartitionInfo: () => import_chunk_LYTMSHXR.setPartitionInfo,
  setTokenFeature: () => import_chunk_LYTMSHXR.setTokenFeature,
  state: () => import_chunk_LYTMSHXR.state,
  stsRegionDefaultResolver: () => import_chunk_LYTMSHXR.stsRegionDefaultResolver,
  stsRegionWarning: () => import_chunk_LYTMSHXR.warning,
  toEndpointV1: () => import_chunk_LYTMSHXR.toEndpointV1,
  useDefaultPartitionInfo: () => import_chunk_LYTMSHXR.useDefaultPartitionInfo,
  userAgentMiddleware: () => import_chunk_LYTMSHXR.userAgentMiddleware
});
module.exports = __defProp(client_QNR5RGEB_exports, "__esModule", { value: true });
var import_chunk_LYTMSHXR = require("./chunk-LYTMSHXR.js");
var import_chunk_YFMXSBBW = require("./chunk-YFMXSBBW.js");
var import_chunk_65MDVLYD = require("./chunk-65MDVLYD.js");
var import_chunk_LU7E3M5V = require("./chunk-LU7E3M5V.js");
var import_chunk_X4VY5EZD = require("./chunk-X4VY5EZD.js");
var import_chunk_TC5HUNIO = require("./chunk-TC5HUNIO.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  DEFAULT_UA_APP_ID,
  EndpointError,
  NODE_APP_ID_CONFIG_OPTIONS,
  NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS,
  REGION_ENV_NAME,
  REGION_INI_NAME,
  UA_APP_ID_ENV_NAME,
  UA_APP_ID_INI_NAME,
  awsEndpointFunctions,
  createDefaultUserAgentProvider,
  createUserAgentStringParsingProvider,
  crtAvailability,
  defaultUserAgent,
  emitWarningIfUnsupportedVersion,
  fallback,
  getAwsRegionExtensionConfiguration,
  getDefaultSocketTimeout,
  getHostHeaderPlugin,
  getLoggerPlugin,
  getLongPollPlugin,
  getRecursionDetectionPlugin,
  getUserAgentMiddlewareOptions,
  getUserAgentPlugin,
  getUserAgentPrefix,
  hostHeaderMiddleware,
  hostHeaderMiddlewareOptions,
  isIpAddress,
  isVirtualHostableS3Bucket,
  loggerMiddleware,
  loggerMiddlewareOptions,
  parseArn,
  partition,
  recursionDetectionMiddleware,
  recursionDetectionMiddlewareOptions,
  resolveAwsRegionExtensionConfiguration,
  resolveDefaultAwsRegionalEndpointsConfig,
  resolveEndpoint,
  resolveHostHeaderConfig,
  resolveRegionConfig,
  resolveUserAgentConfig,
  setCredentialFeature,
  setFeature,
  setPartitionInfo,
  setTokenFeature,
  state,
  stsRegionDefaultResolver,
  stsRegionWarning,
  toEndpointV1,
  useDefaultPartitionInfo,
  userAgentMiddleware
});
