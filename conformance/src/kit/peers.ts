/** Loading the packages the kit needs at run time, with an error that says how to install them. */

function isNotFound(error: unknown, name: string): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    typeof e?.message === 'string' &&
    (e.code === 'MODULE_NOT_FOUND' || e.message.startsWith('Cannot find module')) &&
    e.message.includes(`'${name}`)
  );
}

/**
 * `load()` (a `require` of `name` or of a file in it); when `name` is not installed, one `Error`
 * naming the package, what needs it and the install command (of `install`, default `name`).
 */
export function requirePeer<T>(name: string, neededFor: string, load: () => T, install = name): T {
  try {
    return load();
  } catch (error) {
    if (!isNotFound(error, name)) throw error;
    const pkg = install.replace(/(.)@.*$/, '$1');
    throw new Error(
      `${neededFor} needs the package "${pkg}", which is not installed: npm install -D ${install}`,
      { cause: error },
    );
  }
}
