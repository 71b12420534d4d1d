/** A data directory (`data`, the CLI's `--data`) that cannot be used, and why. */
export class DataDirError extends Error {
  /** The option at fault, so the CLI names its flag. */
  readonly option = 'data';

  constructor(
    /** The directory, as given. */
    readonly dir: string,
    /** What is wrong with it, without the option's name. */
    readonly detail: string,
    /** `in-use`: another mock holds its lock; `unusable`: anything else. */
    readonly kind: 'in-use' | 'unusable' = 'unusable',
  ) {
    super(`"data" ${dir}: ${detail}`);
    this.name = 'DataDirError';
  }
}

/** The errno code of a failed file operation, else its message. */
export const reason = (err: unknown): string =>
  (err as NodeJS.ErrnoException).code ?? (err as Error).message;
