// SPEC 2.20: the owner's reports. GET /settlement answers JSON (minor units) or CSV (major units).
import { Hono } from 'hono';
import { SettlementQuerySchema } from '../../shared/schemas/settlement.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { settlementCsv } from '../reports/settlement-csv.ts';
import { settlementReport } from '../reports/settlement.ts';
import { query } from '../validate.ts';

export function reports(deps: AppDeps) {
  return new Hono<AppEnv>().get('/settlement', query(SettlementQuerySchema), async (c) => {
    const { format, ...period } = c.req.valid('query');
    const report = await settlementReport(deps, c.get('property'), period);
    if (format === 'json') return c.json(report);
    c.header('Content-Disposition', `attachment; filename="settlement-${report.from}-${report.to}.csv"`);
    return c.body(settlementCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
}
