// Paths of the console's screens: real URLs under /owner (the server answers each with the same
// page), so a screen can be bookmarked, reloaded and linked from the owner's e-mails.
export type Screen =
  | { name: 'today' }
  | { name: 'bookings' }
  | { name: 'booking'; id: string }
  | { name: 'calendar' }
  | { name: 'rates' }
  /** `id` undefined: a new rate. */
  | { name: 'rate'; id: string | undefined }
  | { name: 'extras' }
  | { name: 'promotions' }
  | { name: 'closures' }
  | { name: 'profile' }
  | { name: 'embed' }
  | { name: 'payments' }
  | { name: 'webhooks' }
  | { name: 'calendars' };

export const BASE = '/owner';

const SECTIONS = ['calendar', 'extras', 'promotions', 'closures', 'profile', 'embed', 'payments', 'webhooks', 'calendars'] as const;

export function screenOf(path: string): Screen {
  const [first, second] = path.slice(BASE.length).split('/').filter(Boolean);
  if (first === 'bookings') return second ? { name: 'booking', id: decodeURIComponent(second) } : { name: 'bookings' };
  if (first === 'rates') return second ? { name: 'rate', id: second === 'new' ? undefined : decodeURIComponent(second) } : { name: 'rates' };
  const section = SECTIONS.find((name) => name === first);
  return section ? { name: section } : { name: 'today' };
}

export const bookingPath = (id: string) => `${BASE}/bookings/${encodeURIComponent(id)}`;
export const ratePath = (id: string | undefined) => `${BASE}/rates/${id === undefined ? 'new' : encodeURIComponent(id)}`;
