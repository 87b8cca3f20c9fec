// SPEC 4 (first paint): widget.js holds <direct-book> and the rates step only, without the calendar
// the guest opens to change dates. Each later step, and the calendar, is a chunk the browser fetches beside widget.js (import() resolves against its URL), asked for
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

// Answered without import(), which may take a task even for a module it has: <direct-book> shows
// its loading state until this resolves, and a step already here must not flash it for a frame.
const loaded = new Set<Step>(['stay']);

/** Resolves once `step`'s element is registered. */
export async function loadStep(step: Step): Promise<void> {
  if (step === 'stay' || loaded.has(step)) return;
  await LATER_STEPS[step]();
  loaded.add(step);
}

let datePicker: Promise<unknown> | undefined;

/** Resolves once <db-date-picker> is registered; a failed fetch is asked for again next time. */
export function loadDatePicker(): Promise<unknown> {
  datePicker ??= import('./db-date-picker.ts').catch((error: unknown) => {
    datePicker = undefined;
    throw error;
  });
  return datePicker;
}

let prefetched = false;

/** Asks for every later step and the calendar once, when the browser is next idle (after it painted the rates). */
export function prefetchLaterSteps(): void {
  if (prefetched) return;
  prefetched = true;
  const fetchAll = () => {
    // Not the guest's failure yet: loadStep asks again when they move on, and shows it then.
    for (const step of Object.keys(LATER_STEPS) as Step[]) loadStep(step).catch(() => undefined);
    loadDatePicker().catch(() => undefined);
  };
  // Safari has no requestIdleCallback.
  if ('requestIdleCallback' in window) requestIdleCallback(fetchAll);
  else setTimeout(fetchAll);
}
