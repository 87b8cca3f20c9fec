import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { feedToken, rotateFeedToken } from '../bookings/calendar-feed.ts';
import { notFound } from '../errors.ts';

/** /api/v1/properties/:pid/room-types/:id/ical (owner): the room type's export feed URL, SPEC 2.19. */
export function roomTypeIcal(deps: AppDeps) {
  const { store } = deps;
  const roomTypeOf = async (c: Context<AppEnv>) => (await store.getRoomType(c.get('property').id, c.req.param('id') ?? '')) ?? Promise.reject(notFound('Room type'));
  const answer = (c: Context<AppEnv>, roomTypeId: string, token: string) => {
    const own = deps.config.publicUrl ?? new URL(c.req.url).origin;
    // The URL is the feed's only secret: no cache along the way may keep it.
    c.header('Cache-Control', 'no-store');
    return c.json({ url: new URL(`/ical/${encodeURIComponent(roomTypeId)}/${token}.ics`, own).toString() });
  };

  return new Hono<AppEnv>()
    .get('/:id/ical', async (c) => {
      const roomType = await roomTypeOf(c);
      return answer(c, roomType.id, await feedToken(store, roomType));
    })
    .post('/:id/ical/rotate', async (c) => {
      const roomType = await roomTypeOf(c);
      return answer(c, roomType.id, await rotateFeedToken(store, roomType));
    });
}
