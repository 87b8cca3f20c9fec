// SPEC 2.23: on a site missing from the property's allowedOrigins the browser hides every answer, which
// looks like a network failure. The property's own route answers any origin with embedAllowed, so the
// owner reading the console learns why; guests keep the neutral message.

/** `widget` is the <direct-book> element: its `api` (default: this script's origin) and `property`. */
export async function explainRefusal(widget: { api?: string; property?: string }): Promise<void> {
  const { property } = widget;
  if (!property) return;
  const base = (widget.api ?? new URL(import.meta.url).origin).replace(/\/+$/, '');
  const answer = await fetch(`${base}/api/v1/public/properties/${encodeURIComponent(property)}`, { credentials: 'omit' })
    .then((response) => response.json() as Promise<{ embedAllowed?: boolean }>)
    .catch(() => undefined);
  if (answer?.embedAllowed !== false) return;
  console.warn(
    `directbook: ${location.origin} is not in the allowedOrigins of property ${property}, so the widget cannot load here. ` +
      `Add it with PATCH /api/v1/properties/${property} {"allowedOrigins": [..., "${location.origin}"]}.`,
  );
}
