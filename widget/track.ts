// SPEC 4: the GA4 e-commerce events, pushed where the host page has a Google Tag Manager
// `window.dataLayer`. What builds them is a chunk (analytics.ts) that a page without one never
// fetches, and whose payloads are built only once it is here; none is created, as it would only
// fill memory.
import type { Ecommerce } from './analytics.ts';
import { loadAnalytics } from './steps.ts';

type Analytics = Awaited<ReturnType<typeof loadAnalytics>>;

// One promise for every event, so they are pushed in the order they happened: separate import()
// calls of a module still on its way may settle in any order.
let analytics: Promise<Analytics> | undefined;

export function track(event: string, ecommerce: (analytics: Analytics) => Ecommerce | undefined): void {
  const layer = (window as { dataLayer?: unknown }).dataLayer;
  if (!Array.isArray(layer)) return;
  // A tag we could not fetch must never stop a booking.
  (analytics ??= loadAnalytics()).then(
    (loaded) => loaded.push(layer, event, () => ecommerce(loaded)),
    () => undefined,
  );
}
