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
var sts_ZN7VHPTS_exports = {};
__export(sts_ZN7VHPTS_exports, {
  $Command: () => import_chunk_LYTMSHXR.Command,
  AssumeRole$: () => import_chunk_ZDM5HW3U.AssumeRole$,
  AssumeRoleCommand: () => import_chunk_ZDM5HW3U.AssumeRoleCommand,
  AssumeRoleRequest$: () => import_chunk_ZDM5HW3U.AssumeRoleRequest$,
  AssumeRoleResponse$: () => import_chunk_ZDM5HW3U.AssumeRoleResponse$,
  AssumeRoleWithWebIdentity$: () => import_chunk_ZDM5HW3U.AssumeRoleWithWebIdentity$,
  AssumeRoleWithWebIdentityCommand: () => import_chunk_ZDM5HW3U.AssumeRoleWithWebIdentityCommand,
  AssumeRoleWithWebIdentityRequest$: () => import_chunk_ZDM5HW3U.AssumeRoleWithWebIdentityRequest$,
  AssumeRoleWithWebIdentityResponse$: () => import_chunk_ZDM5HW3U.AssumeRoleWithWebIdentityResponse$,
  AssumedRoleUser$: () => import_chunk_ZDM5HW3U.AssumedRoleUser$,
  Credentials$: () => import_chunk_ZDM5HW3U.Credentials$,
  ExpiredTokenException: () => import_chunk_ZDM5HW3U.ExpiredTokenException,
  ExpiredTokenException$: () => import_chunk_ZDM5HW3U.ExpiredTokenException$,
  IDPCommunicationErrorException: () => import_chunk_ZDM5HW3U.IDPCommunicationErrorException,
  IDPCommunicationErrorException$: () => import_chunk_ZDM5HW3U.IDPCommunicationErrorException$,
  IDPRejectedClaimException: () => import_chunk_ZDM5HW3U.IDPRejectedClaimException,
  IDPRejectedClaimException$: () => import_chunk_ZDM5HW3U.IDPRejectedClaimException$,
  InvalidIdentityTokenException: () => import_chunk_ZDM5HW3U.InvalidIdentityTokenException,
  InvalidIdentityTokenException$: () => import_chunk_ZDM5HW3U.InvalidIdentityTokenException$,
  MalformedPolicyDocumentException: () => import_chunk_ZDM5HW3U.MalformedPolicyDocumentException,
  MalformedPolicyDocumentException$: () => import_chunk_ZDM5HW3U.MalformedPolicyDocumentException$,
  PackedPolicyTooLargeException: () => import_chunk_ZDM5HW3U.PackedPolicyTooLargeException,
  PackedPolicyTooLargeException$: () => import_chunk_ZDM5HW3U.PackedPolicyTooLargeException$,
  PolicyDescriptorType$: () => import_chunk_ZDM5HW3U.PolicyDescriptorType$,
  ProvidedContext$: () => import_chunk_ZDM5HW3U.ProvidedContext$,
  RegionDisabledException: () => import_chunk_ZDM5HW3U.RegionDisabledException,
  RegionDisabledException$: () => import_chunk_ZDM5HW3U.RegionDisabledException$,
  STS: () => import_chunk_ZDM5HW3U.STS,
  STSClient: () => import_chunk_ZDM5HW3U.STSClient,
  STSServiceException: () => import_chunk_ZDM5HW3U.STSServiceException,
  STSServiceException$: () => import_chunk_ZDM5HW3U.STSServiceException$,
  Tag$: () => import_chunk_ZDM5HW3U.Tag$,
  __Client: () => import_chunk_LYTMSHXR.Client,
  decorateDefaultCredentialProvider: () => import_chunk_ZDM5HW3U.decorateDefaultCredentialProvider,
  errorTypeRegistries: () => import_chunk_ZDM5HW3U.errorTypeRegistries,
  getDefaultRoleAssumer: () => import_chunk_ZDM5HW3U.getDefaultRoleAssumer,
  getDefaultRoleAssumerWithWebIdentity: () => import_chunk_ZDM5HW3U.getDefaultRoleAssumerWithWebIdentity
});
module.exports = __defProp(sts_ZN7VHPTS_exports, "__esModule", { value: true });
var import_chunk_ZDM5HW3U = require("./chunk-ZDM5HW3U.js");
var import_chunk_VJXKPQFN = require("./chunk-VJXKPQFN.js");
var import_chunk_PU2JWM27 = require("./chunk-PU2JWM27.js");
var import_chunk_EEZT73VI = require("./chunk-EEZT73VI.js");
var import_chunk_UTHY2BUW = require("./chunk-UTHY2BUW.js");
var import_chunk_X6HAP4OX = require("./chunk-X6HAP4OX.js");
var import_chunk_LYTMSHXR = require("./chunk-LYTMSHXR.js");
var import_chunk_YFMXSBBW = require("./chunk-YFMXSBBW.js");
var import_chunk_65MDVLYD = require("./chunk-65MDVLYD.js");
var import_chunk_LU7E3M5V = require("./chunk-LU7E3M5V.js");
var import_chunk_X4VY5EZD = require("./chunk-X4VY5EZD.js");
var import_chunk_TC5HUNIO = require("./chunk-TC5HUNIO.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  $Command,
  AssumeRole$,
  AssumeRoleCommand,
  AssumeRoleRequest$,
  AssumeRoleResponse$,
  AssumeRoleWithWebIdentity$,
  AssumeRoleWithWebIdentityCommand,
  AssumeRoleWithWebIdentityRequest$,
  AssumeRoleWithWebIdentityResponse$,
  AssumedRoleUser$,
  Credentials$,
  ExpiredTokenException,
  ExpiredTokenException$,
  IDPCommunicationErrorException,
  IDPCommunicationErrorException$,
  IDPRejectedClaimException,
  IDPRejectedClaimException$,
  InvalidIdentityTokenException,
  InvalidIdentityTokenException$,
  MalformedPolicyDocumentException,
  MalformedPolicyDocumentException$,
  PackedPolicyTooLargeException,
  PackedPolicyTooLargeException$,
  PolicyDescriptorType$,
  ProvidedContext$,
  RegionDisabledException,
  RegionDisabledException$,
  STS,
  STSClient,
  STSServiceException,
  STSServiceException$,
  Tag$,
  __Client,
  decorateDefaultCredentialProvider,
  errorTypeRegistries,
  getDefaultRoleAssumer,
  getDefaultRoleAssumerWithWebIdentity
});
