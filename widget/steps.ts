// SPEC 4 (first paint): widget.js holds <direct-book> and the rates step only, without the panels
// the guest opens to change dates or guests. Each later step, and each panel, is a chunk the browser fetches beside widget.js (import() resolves against its URL), asked for
// once the rates are on screen so that it has usually arrived before the guest chooses a room.
// The chunks import what they share with widget.js from `../widget.js`, so a page must load it at
// that URL as the embed snippet gives it: with a query string added, they would run a second copy.
import type { Step } from './events.ts';

const LATER_STEPS: Record<Exclude<Step, 'stay'>, () => Promise<unknown>> = {
  review: () => import('./db-review-step.ts'),
  details: () => import('./db-details-step.ts'),
  payment: () => import('./db-payment-step.ts'),
  confirmation: () => import('./db-confirmation.ts'),
  expired: () => import('./db-expired-step.ts'),
};

/** The controller of the steps after the rates (checkout.ts), which <direct-book> makes once. */
export const loadCheckout = () => import('./checkout.ts');

/** The GA4 events' payloads (analytics.ts), only on a page that runs Tag Manager (track.ts). */
export const loadAnalytics = () => import('./analytics.ts');

// Answered without import(), which may take a task even for a module it has: <direct-book> shows
// its loading state until this resolves, and a step already here must not flash it for a frame.
const loaded = new Set<Step>(['stay']);

/** Resolves once `step`'s element is registered. */
export async function loadStep(step: Step): Promise<void> {
  if (step === 'stay' || loaded.has(step)) return;
  await LATER_STEPS[step]();
  loaded.add(step);
}

const PANELS = {
  dates: () => import('./db-date-picker.ts'),
  guests: () => import('./db-guests.ts'),
  // Not a panel the guest opens but the "Have a code?" field below the rates, there once it arrives.
  promo: () => import('./db-promo.ts'),
};
const panels: Partial<Record<keyof typeof PANELS, Promise<unknown>>> = {};

/** Resolves once the rates step's `panel` element is registered; a failed fetch is asked for again. */
export function loadPanel(panel: keyof typeof PANELS): Promise<unknown> {
  panels[panel] ??= PANELS[panel]().catch((error: unknown) => {
    delete panels[panel];
    throw error;
  });
  return panels[panel];
}

let prefetched = false;

/** Asks for every later step and panel once, when the browser is next idle (after it painted the rates). */
export function prefetchLaterSteps(): void {
  if (prefetched) return;
  prefetched = true;
  const fetchAll = () => {
    // Not the guest's failure yet: loadStep asks again when they move on, and shows it then.
    for (const step of Object.keys(LATER_STEPS) as Step[]) loadStep(step).catch(() => undefined);
    for (const panel of Object.keys(PANELS) as (keyof typeof PANELS)[]) loadPanel(panel).catch(() => undefined);
  };
  // Safari has no requestIdleCallback.
  if ('requestIdleCallback' in window) requestIdleCallback(fetchAll);
  else setTimeout(fetchAll);
}
