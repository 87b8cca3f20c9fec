// SPEC 2.14: promotion codes, unique per property whatever their case.
import type { Kysely, Selectable } from 'kysely';
import type { Promotion, PromotionFields } from '../../shared/schemas/promotion.ts';
import type { Database, PromotionsTable } from './schema.ts';

export interface PromotionStore {
  /** 'duplicate' when the property already has the code in any case. */
  createPromotion(promotion: Omit<Promotion, 'uses'>, now: string): Promise<'created' | 'duplicate'>;
  listPromotions(propertyId: string): Promise<Promotion[]>;
  getPromotion(propertyId: string, id: string): Promise<Promotion | undefined>;
  promotionByCode(propertyId: string, code: string): Promise<Promotion | undefined>;
  updatePromotion(propertyId: string, id: string, fields: PromotionFields): Promise<'updated' | 'duplicate'>;
  deletePromotion(propertyId: string, id: string): Promise<void>;
}

const codeKey = (code: string) => code.toLowerCase();

function toPromotion(row: Selectable<PromotionsTable>): Promotion {
  return {
    id: row.id,
    propertyId: row.property_id,
    code: row.code,
    name: row.name,
    discount: JSON.parse(row.discount) as Promotion['discount'],
    rateIds: row.rate_ids === null ? null : (JSON.parse(row.rate_ids) as string[]),
    stayFrom: row.stay_from,
    stayUntil: row.stay_until,
    bookFrom: row.book_from,
    bookUntil: row.book_until,
    minNights: row.min_nights,
    maxUses: row.max_uses,
    uses: Number(row.uses),
    active: Number(row.active) === 1,
  };
}

function columns(p: PromotionFields) {
  return {
    code: p.code,
    code_key: codeKey(p.code),
    name: p.name,
    discount: JSON.stringify(p.discount),
    rate_ids: p.rateIds === null ? null : JSON.stringify(p.rateIds),
    stay_from: p.stayFrom,
    stay_until: p.stayUntil,
    book_from: p.bookFrom,
    book_until: p.bookUntil,
    min_nights: p.minNights,
    max_uses: p.maxUses,
    active: p.active ? 1 : 0,
  };
}

/** A write that lost to the unique code index, on either database. */
const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE';
};

export function promotionStore(db: Kysely<Database>): PromotionStore {
  const base = (propertyId: string) => db.selectFrom('promotions').selectAll().where('property_id', '=', propertyId);
  return {
    async createPromotion(promotion, now) {
      try {
        await db
          .insertInto('promotions')
          .values({ id: promotion.id, property_id: promotion.propertyId, ...columns(promotion), uses: 0, created_at: now })
          .execute();
        return 'created';
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
    },
    async listPromotions(propertyId) {
      return (await base(propertyId).orderBy('created_at').orderBy('id').execute()).map(toPromotion);
    },
    async getPromotion(propertyId, id) {
      const row = await base(propertyId).where('id', '=', id).executeTakeFirst();
      return row && toPromotion(row);
    },
    async promotionByCode(propertyId, code) {
      const row = await base(propertyId).where('code_key', '=', codeKey(code)).executeTakeFirst();
      return row && toPromotion(row);
    },
    async updatePromotion(propertyId, id, fields) {
      try {
        await db.updateTable('promotions').set(columns(fields)).where('property_id', '=', propertyId).where('id', '=', id).execute();
        return 'updated';
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
    },
    async deletePromotion(propertyId, id) {
      await db.deleteFrom('promotions').where('property_id', '=', propertyId).where('id', '=', id).execute();
    },
  };
}
