/** Loading state and the page-wide "something changed" signal the panels reload on. */
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';

/** A number that grows whenever the mock's state may have changed, and how to grow it. */
export interface Changes {
  version: number;
  changed(): void;
}

export const ChangesContext = createContext<Changes>({ version: 0, changed: () => undefined });

/** The page-wide change signal. */
export const useChanges = (): Changes => useContext(ChangesContext);

/** The message of a failure, for the page. */
export const messageOf = (err: unknown): string =>
  err instanceof Error
    ? `${(err as { error?: string }).error ?? err.name}: ${err.message}`
    : String(err);

/** What `load` gives, reloaded whenever `deps` or the change signal move. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): { data: T | undefined; error: string | undefined } {
  const { version } = useChanges();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const latest = useRef(0);
  useEffect(() => {
    const call = ++latest.current;
    load().then(
      (value) => {
        if (call !== latest.current) return;
        setData(value);
        setError(undefined);
      },
      (err: unknown) => {
        if (call === latest.current) setError(messageOf(err));
      },
    );
  }, [version, ...deps]);
  return { data, error };
}

/** Runs an action, reporting its failure, and signals a change once it settles. */
export function useAction(): {
  run: (action: () => Promise<unknown>) => Promise<void>;
  error: string | undefined;
} {
  const { changed } = useChanges();
  const [error, setError] = useState<string | undefined>(undefined);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        setError(undefined);
      } catch (err) {
        setError(messageOf(err));
      } finally {
        changed();
      }
    },
    [changed],
  );
  return { run, error };
}
