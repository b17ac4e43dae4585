// fetch's HTTP parser (undici's llhttp) is WebAssembly that V8 re-optimises on a background thread, and the process
// waits for that at exit: about 80 ms added to a short command whose request went through fetch. V8's
// `--liftoff-only` (baseline code only) removes the wait. But a V8 flag changed at run time also makes Node compile
// each built-in module it loads afterwards (http, child_process, crypto, streams...) without its code cache: 7-15 ms of
// every command when set at start. So it is set at the first fetch, when those modules are loaded already, and never
// by a command that makes no fetch at all (most of them: the registry and AWS clients use node:http).

type FetchFn = typeof fetch;

/** Replaces `target.fetch` with one that calls `setFlags('--liftoff-only')` once, before the first request. */
export function baselineWasmAtFirstFetch(
  target: { fetch: FetchFn },
  setFlags: (flags: string) => void | Promise<void> = async (flags) =>
    (await import('node:v8')).setFlagsFromString(flags),
): void {
  const original = target.fetch;
  let flagged: Promise<void> | undefined;
  target.fetch = async (input, init) => {
    flagged ??= Promise.resolve(setFlags('--liftoff-only'));
    await flagged;
    return original(input, init);
  };
}
