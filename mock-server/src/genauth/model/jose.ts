/** jose, loaded on the first token operation (keeps it off the cold-start path). */
import type * as Jose from 'jose';

import { lazyModule } from '../../lazy-module';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const jose = lazyModule(() => require('jose') as typeof Jose);
