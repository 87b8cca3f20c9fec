// Paths of the console's screens: real URLs under /owner (the server answers each with the same
// page), so a screen can be bookmarked, reloaded and linked from the owner's e-mails.
export type Screen = { name: 'today' } | { name: 'bookings' } | { name: 'booking'; id: string } | { name: 'calendar' } | { name: 'extras' };

export const BASE = '/owner';

export function screenOf(path: string): Screen {
  const [first, second] = path.slice(BASE.length).split('/').filter(Boolean);
  if (first === 'bookings') return second ? { name: 'booking', id: decodeURIComponent(second) } : { name: 'bookings' };
  if (first === 'calendar') return { name: 'calendar' };
  if (first === 'extras') return { name: 'extras' };
  return { name: 'today' };
}

export const bookingPath = (id: string) => `${BASE}/bookings/${encodeURIComponent(id)}`;
