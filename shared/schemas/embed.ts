// SPEC 2.23: GET /public/properties/:pid answers every origin; a site not in allowedOrigins learns only that.
import * as v from 'valibot';
import { PublicPropertySchema } from './stay.ts';
import { publicProfileFields } from './profile.ts';

export const PublicPropertyAnswerSchema = v.union([
  v.object({
    ...PublicPropertySchema.entries,
    ...publicProfileFields,
    embedAllowed: v.pipe(v.literal(true), v.description('The asking origin (or none, or this server’s own) may embed the widget')),
  }),
  v.object({
    embedAllowed: v.pipe(v.literal(false), v.description('The asking origin is not in the property’s allowedOrigins: add it with PATCH /api/v1/properties/{pid}')),
  }),
]);
