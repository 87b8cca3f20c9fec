// The ::part names each element forwards with `exportparts`, so a page can style what it cannot
// reach through the shadow roots. Here rather than beside the elements that render them: the
// rates step forwards the deposit badge's parts and <direct-book> the summary's, and importing
// db-summary.ts for a string would put the summary (a later step's) into widget.js.

/** The deposit badge's parts. */
export const DEPOSIT_PARTS = 'deposit-badge, deposit-badge-none, deposit-badge-full, deposit-badge-first_night, deposit-badge-fixed, deposit-badge-percentage';

/** The summary's parts. */
export const SUMMARY_PARTS = `summary, due-now, ${DEPOSIT_PARTS}`;
