import { Hono } from 'hono';
import { checkAnnotationInput, checkTarget, MAX_ANNOTATIONS } from '../../core/dataset/index.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import type { Services } from '../http/context.js';
import { readJsonBody } from './datasets.js';

/**
 * A bound on one annotation's body: the largest valid note (10,000 characters) with every character
 * escaped as `\uXXXX`, a 4 KiB target id likewise, and 32 tags, fit under it.
 */
export const MAX_ANNOTATION_BODY = 256 * 1024;

/**
 * `/api/datasets/:id/annotations`: the analyst's notes and tags on the dataset's nodes, edges and
 * detections (core/dataset/annotations.ts). GET lists them; PUT saves one (by target, stamped with
 * the server's clock); DELETE `?kind=&id=` removes one. Writes pass the app's write checks
 * (same origin, token off loopback) like every other write.
 */
export function annotationRoutes(s: Services): Hono {
  const app = new Hono();

  app.get('/:id/annotations', (c) => {
    const id = c.req.param('id');
    s.store.getDataset(id);
    return c.json({ annotations: s.store.annotations(id) });
  });

  app.put('/:id/annotations', async (c) => {
    const id = c.req.param('id');
    s.store.getDataset(id);
    const body = await readJsonBody(c, MAX_ANNOTATION_BODY);
    const checked = checkAnnotationInput(body, s.clock.now().toISOString());
    if (!checked.ok) throw badRequest(checked.problem, 'bad_annotation');
    const annotation = checked.value;
    if (!s.store.hasAnnotation(id, annotation.target) && s.store.countAnnotations(id) >= MAX_ANNOTATIONS)
      throw conflict(`a dataset holds at most ${MAX_ANNOTATIONS} annotations`);
    s.store.saveAnnotation(id, annotation);
    return c.json({ annotation });
  });

  app.delete('/:id/annotations', (c) => {
    const id = c.req.param('id');
    s.store.getDataset(id);
    const target = checkTarget({ kind: c.req.query('kind'), id: c.req.query('id') });
    if (!target.ok) throw badRequest(target.problem, 'bad_query');
    if (!s.store.deleteAnnotation(id, target.value)) throw notFound('no annotation on this target');
    return c.body(null, 204);
  });

  return app;
}
