var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var dist_es_EZWE5TBL_exports = {};
__export(dist_es_EZWE5TBL_exports, {
  createCredentialChain: () => createCredentialChain,
  fromCognitoIdentity: () => fromCognitoIdentity,
  fromCognitoIdentityPool: () => fromCognitoIdentityPool,
  fromContainerMetadata: () => fromContainerMetadata,
  fromEnv: () => fromEnv,
  fromHttp: () => fromHttp,
  fromIni: () => fromIni,
  fromInstanceMetadata: () => fromInstanceMetadata,
  fromLoginCredentials: () => fromLoginCredentials,
  fromNodeProviderChain: () => fromNodeProviderChain,
  fromProcess: () => fromProcess,
  fromSSO: () => fromSSO,
  fromTemporaryCredentials: () => fromTemporaryCredentials2,
  fromTokenFile: () => fromTokenFile,
  fromWebToken: () => fromWebToken,
  propertyProviderChain: () => propertyProviderChain
});
module.exports = __defProp(dist_es_EZWE5TBL_exports, "__esModule", { value: true });
var import_chunk_YFMXSBBW = require("./chunk-YFMXSBBW.js");
var import_chunk_65MDVLYD = require("./chunk-65MDVLYD.js");
var import_chunk_LU7E3M5V = require("./chunk-LU7E3M5V.js");
var import_chunk_X4VY5EZD = require("./chunk-X4VY5EZD.js");
var import_chunk_TC5HUNIO = require("./chunk-TC5HUNIO.js");
var import_chunk_7VZ5H7B6 = require("./chunk-7VZ5H7B6.js");
var createCredentialChain = (...credentialProviders) => {
  let expireAfter = -1;
  const baseFunction = async (awsIdentityProperties) => {
    const credentials = await propertyProviderChain(...credentialProviders)(awsIdentityProperties);
    if (!credentials.expiration && expireAfter !== -1) {
      credentials.expiration = new Date(Date.now() + expireAfter);
    }
    return credentials;
  };
  const withOptions = Object.assign(baseFunction, {
    expireAfter(milliseconds) {
      if (milliseconds < 5 * 6e4) {
        throw new Error("@aws-sdk/credential-providers - createCredentialChain(...).expireAfter(ms) may not be called with a duration lower than five minutes.");
      }
      expireAfter = milliseconds;
      return withOptions;
    }
  });
  return withOptions;
};
var propertyProviderChain = (...providers) => async (awsIdentityProperties) => {
  if (providers.length === 0) {
    throw new import_chunk_LU7E3M5V.ProviderError("No providers in chain", { tryNextLink: false });
  }
  let lastProviderError;
  for (const provider of providers) {
    try {
      return await provider(awsIdentityProperties);
    } catch (err) {
      lastProviderError = err;
      if (err?.tryNextLink) {
        continue;
      }
      throw err;
    }
  }
  throw lastProviderError;
};
var fromCognitoIdentity = (options) => {
  return async (args) => {
    const { fromCognitoIdentity: _fromCognitoIdentity } = await Promise.resolve().then(() => require("./dist-es-NLT4CZUZ.js"));
    return _fromCognitoIdentity(options)(args);
  };
};
var fromCognitoIdentityPool = (options) => {
  return async (args) => {
    const { fromCognitoIdentityPool: _fromCognitoIdentityPool } = await Promise.resolve().then(() => require("./dist-es-NLT4CZUZ.js"));
    return _fromCognitoIdentityPool(options)(args);
  };
};
var fromContainerMetadata = (init) => {
  return async (props) => {
    init?.logger?.debug("@smithy/credential-provider-imds", "fromContainerMetadata");
    const { fromContainerMetadata: _fromContainerMetadata } = await Promise.resolve().then(() => require("./dist-es-64MNBPQX.js"));
    return _fromContainerMetadata(init)();
  };
};
var fromEnv = (init) => {
  return async (args) => {
    const { fromEnv: _fromEnv } = await Promise.resolve().then(() => require("./dist-es-GU2G4VFH.js"));
    return _fromEnv(init)(args);
  };
};
var fromHttp = (options = {}) => {
  return async (args) => {
    const { fromHttp: _fromHttp } = await Promise.resolve().then(() => require("./dist-es-YFRFOBLE.js"));
    return _fromHttp(options)(args);
  };
};
var fromIni = (init = {}) => {
  return async (args) => {
    const { fromIni: _fromIni } = await Promise.resolve().then(() => require("./dist-es-V7T67T64.js"));
    return _fromIni({ ...init })(args);
  };
};
var fromInstanceMetadata = (init) => {
  return async (props) => {
    init?.logger?.debug("@smithy/credential-provider-imds", "fromInstanceMetadata");
    const { setCredentialFeature } = await Promise.resolve().then(() => require("./client-QNR5RGEB.js"));
    const { fromInstanceMetadata: _fromInstanceMetadata } = await Promise.resolve().then(() => require("./dist-es-64MNBPQX.js"));
    return _fromInstanceMetadata(init)().then((creds) => setCredentialFeature(creds, "CREDENTIALS_IMDS", "0"));
  };
};
var fromLoginCredentials = (init) => {
  return async (args) => {
    const { fromLoginCredentials: _fromLoginCredentials } = await Promise.resolve().then(() => require("./dist-es-SHEREGYO.js"));
    return _fromLoginCredentials({ ...init })(args);
  };
};
var fromNodeProviderChain = (init = {}) => {
  let chain;
  return async (args) => {
    if (!chain) {
      const { defaultProvider } = await Promise.resolve().then(() => require("./dist-es-E2ZCVESY.js"));
      chain = defaultProvider({ ...init });
    }
    return chain(args);
  };
};
var fromProcess = (init) => {
  return async (args) => {
    const { fromProcess: _fromProcess } = await Promise.resolve().then(() => require("./dist-es-WJNGBVKC.js"));
    return _fromProcess(init)(args);
  };
};
var fromSSO = (init = {}) => {
  return async (args) => {
    const { fromSSO: _fromSSO } = await Promise.resolve().then(() => require("./dist-es-6PTZKZ5O.js"));
    return _fromSSO({ ...init })(args);
  };
};
var ASSUME_ROLE_DEFAULT_REGION = "us-east-1";
var fromTemporaryCredentials = (options, credentialDefaultProvider, regionProvider) => {
  let stsClient;
  return async (awsIdentityProperties = {}) => {
    const { callerClientConfig } = awsIdentityProperties;
    const profile = options.clientConfig?.profile ?? callerClientConfig?.profile;
    const logger = options.logger ?? callerClientConfig?.logger;
    logger?.debug("@aws-sdk/credential-providers - fromTemporaryCredentials (STS)");
    const params = { ...options.params, RoleSessionName: options.params.RoleSessionName ?? "aws-sdk-js-" + Date.now() };
    if (params?.SerialNumber) {
      if (!options.mfaCodeProvider) {
        throw new import_chunk_LU7E3M5V.CredentialsProviderError(`Temporary credential requires multi-factor authentication, but no MFA code callback was provided.`, {
          tryNextLink: false,
          logger
        });
      }
      params.TokenCode = await options.mfaCodeProvider(params?.SerialNumber);
    }
    const { AssumeRoleCommand, STSClient } = await Promise.resolve().then(() => require("./loadSts-X7EMNGNY.js"));
    if (!stsClient) {
      const defaultCredentialsOrError = typeof credentialDefaultProvider === "function" ? credentialDefaultProvider() : void 0;
      const credentialSources = [
        options.masterCredentials,
        options.clientConfig?.credentials,
        void callerClientConfig?.credentials,
        callerClientConfig?.credentialDefaultProvider?.(),
        defaultCredentialsOrError
      ];
      let credentialSource = "STS client default credentials";
      if (credentialSources[0]) {
        credentialSource = "options.masterCredentials";
      } else if (credentialSources[1]) {
        credentialSource = "options.clientConfig.credentials";
      } else if (credentialSources[2]) {
        credentialSource = "caller client's credentials";
        throw new Error("fromTemporaryCredentials recursion in callerClientConfig.credentials");
      } else if (credentialSources[3]) {
        credentialSource = "caller client's credentialDefaultProvider";
      } else if (credentialSources[4]) {
        credentialSource = "AWS SDK default credentials";
      }
      const regionSources = [
        options.clientConfig?.region,
        callerClientConfig?.region,
        await regionProvider?.({
          profile
        }),
        ASSUME_ROLE_DEFAULT_REGION
      ];
      let regionSource = "default partition's default region";
      if (regionSources[0]) {
        regionSource = "options.clientConfig.region";
      } else if (regionSources[1]) {
        regionSource = "caller client's region";
      } else if (regionSources[2]) {
        regionSource = "file or env region";
      }
      const requestHandlerSources = [
        filterRequestHandler(options.clientConfig?.requestHandler),
        filterRequestHandler(callerClientConfig?.requestHandler)
      ];
      let requestHandlerSource = "STS default requestHandler";
      if (requestHandlerSources[0]) {
        requestHandlerSource = "options.clientConfig.requestHandler";
      } else if (requestHandlerSources[1]) {
        requestHandlerSource = "caller client's requestHandler";
      }
      logger?.debug?.(`@aws-sdk/credential-providers - fromTemporaryCredentials STS client init with ${regionSource}=${await (0, import_chunk_YFMXSBBW.normalizeProvider)(coalesce(regionSources))()}, ${credentialSource}, ${requestHandlerSource}.`);
      stsClient = new STSClient({
        userAgentAppId: callerClientConfig?.userAgentAppId,
        ...options.clientConfig,
        credentials: coalesce(credentialSources),
        logger,
        profile,
        region: coalesce(regionSources),
        requestHandler: coalesce(requestHandlerSources)
      });
    }
    if (options.clientPlugins) {
      for (const plugin of options.clientPlugins) {
        stsClient.middlewareStack.use(plugin);
      }
    }
    const { Credentials } = await stsClient.send(new AssumeRoleCommand(params));
    if (!Credentials || !Credentials.AccessKeyId || !Credentials.SecretAccessKey) {
      throw new import_chunk_LU7E3M5V.CredentialsProviderError(`Invalid response from STS.assumeRole call with role ${params.RoleArn}`, {
        logger
      });
    }
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
      credentialScope: Credentials.CredentialScope
    };
  };
};
var filterRequestHandler = (requestHandler) => {
  return requestHandler?.metadata?.handlerProtocol === "h2" ? void 0 : requestHandler;
};
var coalesce = (args) => {
  for (const item of args) {
    if (item !== void 0) {
      return item;
    }
  }
};
var fromTemporaryCredentials2 = (options) => {
  return fromTemporaryCredentials(options, fromNodeProviderChain, async ({ profile = process.env.AWS_PROFILE }) => (0, import_chunk_LU7E3M5V.loadConfig)({
    environmentVariableSelector: (env) => env.AWS_REGION,
    configFileSelector: (profileData) => {
      return profileData.region;
    },
    default: () => void 0
  }, { ...import_chunk_LU7E3M5V.NODE_REGION_CONFIG_FILE_OPTIONS, profile })());
};
var fromTokenFile = (init = {}) => {
  return async (args) => {
    const { fromTokenFile: _fromTokenFile } = await Promise.resolve().then(() => require("./dist-es-X7RHPOR2.js"));
    return _fromTokenFile({ ...init })(args);
  };
};
var fromWebToken = (init) => {
  return async (args) => {
    const { fromWebToken: _fromWebToken } = await Promise.resolve().then(() => require("./dist-es-X7RHPOR2.js"));
    return _fromWebToken({ ...init })(args);
  };
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  createCredentialChain,
  fromCognitoIdentity,
  fromCognitoIdentityPool,
  fromContainerMetadata,
  fromEnv,
  fromHttp,
  fromIni,
  fromInstanceMetadata,
  fromLoginCredentials,
  fromNodeProviderChain,
  fromProcess,
  fromSSO,
  fromTemporaryCredentials,
  fromTokenFile,
  fromWebToken,
  propertyProviderChain
});
