import type { RequestHandler } from 'express';

import { readJson } from '../http/body';

/** The body limit of the bulk routes: 100000 users with a few fields each. */
export const BULK_BODY_LIMIT = 64 * 1024 * 1024;

/**
 * JSON bodies of any content type for the bulk routes, up to {@link BULK_BODY_LIMIT} bytes
 * (more than `bodyLimit`: 100000 users do not fit in 1 MiB); what cannot be read reaches the
 * control error renderer as a `BodyError`.
 */
export const bulkJson: RequestHandler = readJson(BULK_BODY_LIMIT, true);
