// Issue 9: the headers every answer carries, and the stricter ones of the pages this server renders.
// The widget, its chunks, the public API and the card frame are made to be used from hotels' own
// sites, so those may be read and framed cross-origin; everything else is this origin's alone.
// HSTS belongs to the TLS proxy, which knows whether the whole host is on https (README: Security).
import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { setAnswerHeader } from './answer-headers.ts';

const EMBEDDED = /^\/(?:widget\.js$|chunks\/|card-frame(?:\/|$)|api\/v1\/public\/)/;

const common = {
  strictTransportSecurity: false,
  // Stripe's wallets and redirects may open windows that need to talk back to the page.
  crossOriginOpenerPolicy: 'same-origin-allow-popups',
  referrerPolicy: 'strict-origin-when-cross-origin',
  // A route that set one of these itself (the card frame's CSP and Referrer-Policy) knows better.
  overwrite: false,
} as const;

const embeddable = secureHeaders({ ...common, crossOriginResourcePolicy: 'cross-origin', xFrameOptions: false });
const ownOrigin = secureHeaders(common);

/** nosniff, Referrer-Policy and the rest on every answer; cross-origin use only where it is meant. */
export const securityHeaders: MiddlewareHandler = function securityHeaders(c, next) {
  return (EMBEDDED.test(c.req.path) ? embeddable : ownOrigin)(c, next);
};

// Stripe's published CSP for Stripe.js and its frames (docs.stripe.com/security/guide).
const STRIPE = { script: ['https://js.stripe.com', 'https://*.js.stripe.com'], frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'] };

const strict = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Inline <style> only under this answer's nonce (`c.get('secureHeadersNonce')`); Lit's own styles are constructed sheets.
  styleSrc: ["'self'", NONCE],
  // Room-type photos live on the owners' https hosts (shared/schemas/room-type.ts).
  imgSrc: ["'self'", 'https:', 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/**
 * The CSP of a page that runs the widget (the demo at /, the hosted /book/:pid): its scripts and
 * chunks from this origin, the card frame from this origin, Stripe.js and its frames from Stripe.
 */
export const widgetPageSecurity = secureHeaders({
  ...common,
  overwrite: true,
  contentSecurityPolicy: {
    ...strict,
    scriptSrc: ["'self'", ...STRIPE.script],
    frameSrc: ["'self'", ...STRIPE.frame],
    connectSrc: ["'self'", 'https://api.stripe.com'],
  },
});

/** The CSP of a page with no script at all (the API reference). */
export const staticPageSecurity = secureHeaders({
  ...common,
  overwrite: true,
  contentSecurityPolicy: { ...strict, scriptSrc: ["'none'"], connectSrc: ["'none'"] },
});

/** Issue 9: answers holding keys, guests' details or a booking's state are never kept by a cache on the way. */
export const noStore: MiddlewareHandler = async function noStore(c, next) {
  await next();
  setAnswerHeader(c, 'Cache-Control', 'no-store');
};
