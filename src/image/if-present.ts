// A file-system call whose target may simply not be there: a missing path (or a path through a file) is undefined,
// any other failure stays a failure.

/** `pending`'s value, or undefined when it failed because the path does not exist. */
export function ifPresent<T>(pending: Promise<T>): Promise<T | undefined> {
  return pending.catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
    throw err;
  });
}
