/** The CLI as `npm run build` makes it, for the tests that run it in real processes. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root. */
export const repo = join(__dirname, '../..');

/** The `genauth-mock` bin as the package ships it (the bundled CLI). */
export const cli = join(
  repo,
  'mock-server',
  (
    JSON.parse(readFileSync(join(repo, 'mock-server/package.json'), 'utf8')) as {
      bin: Record<string, string>;
    }
  ).bin['genauth-mock']!,
);

/** Builds the mock-server workspace before the file's tests (a no-op when it is fresh). */
export function buildBeforeAll(): void {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--silent', '--workspace', '@genauth-wxapp/mock-server'], {
      cwd: repo,
      stdio: 'inherit',
    });
  }, 120_000);
}
