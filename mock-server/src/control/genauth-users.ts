import { Router, type RequestHandler } from 'express';

import { bodyOf } from './fields';
import type { ControlApi, GenauthUserPatch } from './types';

/**
 * One GenAuth user by id, over {@link ControlApi}:
 * - `GET /genauth/users/:id` → the user (404 `unknown_user`);
 * - `PATCH /genauth/users/:id {nickname?, username?, email?, phone?, blocked?, …}` → the user;
 * - `DELETE /genauth/users/:id` → `{deleted: true, id}`.
 */
export function genauthUsersControl(api: ControlApi, json: RequestHandler): Router {
  const router = Router();
  router.get('/genauth/users/:id', (req, res) => {
    res.json(api.genauth.getUser({ id: req.params['id'] as string }));
  });
  router.patch('/genauth/users/:id', json, (req, res) => {
    const patch = { ...bodyOf(req), id: req.params['id'] } as GenauthUserPatch;
    res.json(api.genauth.updateUser(patch));
  });
  router.delete('/genauth/users/:id', (req, res) => {
    res.json(api.genauth.deleteUser({ id: req.params['id'] as string }));
  });
  return router;
}
