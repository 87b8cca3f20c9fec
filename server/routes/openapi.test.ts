// Issue 14: an owner's developer generates a client from /api/v1/openapi.json, so the document must pass
// an independent validator, name every route the app serves, say what each field means and which
// errors each operation can answer.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validate } from '@readme/openapi-parser';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { errorStatuses, openApiDocument, ROUTES } from './docs.ts';
import { undescribedFields } from '../openapi/schema.ts';

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }>; requestBody?: { content: Record<string, { example?: unknown }> } };

describe('the OpenAPI document', () => {
  let t: TestApp;
  let served: Record<string, unknown>;
  beforeAll(async () => {
    t = await createTestApp({});
    served = (await (await t.request('GET', '/api/v1/openapi.json')).json()) as Record<string, unknown>;
  });
  afterAll(() => t.close());

  const doc = openApiDocument();
  const operations = () => Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method })));

  test('passes @readme/openapi-parser', async () => {
    const result = await validate(structuredClone(served) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
  });

  test('documents every /api/v1 route the app serves, with its methods, and nothing it does not serve', () => {
    const routes = t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/')).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`);
    const documented = operations()
      .filter(({ path }) => path.startsWith('/api/v1/'))
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect([...new Set(documented)].sort()).toEqual([...new Set(routes)].sort());
  });

  test('every operation documents the error answers that apply to it, with the error body', () => {
    for (const route of ROUTES) {
      const op = doc.paths[route.path]![route.method] as Operation;
      for (const status of errorStatuses(route)) {
        expect(op.responses[status]?.content?.['application/json']?.schema, `${route.method} ${route.path} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    const statuses = (path: string, method: string) => Object.keys((doc.paths[path]![method] as Operation).responses);
    expect(statuses('/api/v1/properties/{pid}/bookings/{id}/payments', 'post')).toEqual(expect.arrayContaining(['400', '401', '404', '409', '413', '429']));
    expect(statuses('/api/v1/public/properties/{pid}/availability', 'get')).not.toContain('401');
    expect(statuses('/api/v1/public/properties/{pid}/availability', 'get')).toEqual(expect.arrayContaining(['400', '404', '429']));
  });

  test('every field has a description, and every request body an example the server would accept', () => {
    expect(undescribedFields(served)).toEqual([]);
    for (const route of ROUTES.filter((r) => r.body)) {
      const op = doc.paths[route.path]![route.method] as Operation;
      const example = op.requestBody!.content['application/json']!.example;
      const parsed = v.safeParse(route.body!, example);
      expect(parsed.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? [], `${route.method} ${route.path}`).toEqual([]);
    }
  });

  test('openapi-typescript generates a typed client’s paths from it, as the README shows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'directbook-openapi-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(served));
      await promisify(execFile)(join('node_modules', '.bin', 'openapi-typescript'), [join(dir, 'openapi.json'), '-o', join(dir, 'directbook-api.d.ts')]);
      const types = readFileSync(join(dir, 'directbook-api.d.ts'), 'utf8');
      expect(types).toMatch(/export interface paths \{/);
      expect(types).toContain('"/api/v1/properties/{pid}/bookings/{id}/payments"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
