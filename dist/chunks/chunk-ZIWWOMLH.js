// src/aws/client-config.ts
var CLIENT_RETRY = { maxAttempts: 10, retryMode: "standard" };
var installed;
function useCredentials(provider) {
  if (installed !== void 0 && installed !== provider) {
    throw new Error("AWS credentials are already set for this process; remove them before setting others");
  }
  installed = provider;
  return () => {
    if (installed === provider) installed = void 0;
  };
}
function installedCredentials() {
  return installed;
}
function clientConfig(region) {
  return { region, ...CLIENT_RETRY, ...installed ? { credentials: installed } : {} };
}

export {
  CLIENT_RETRY,
  useCredentials,
  installedCredentials,
  clientConfig
};
