// Apart from <db-guests>, which is a chunk: <direct-book> caps the page's `adults` with it too.
/** The most adults and children together that any room takes. */
export const MAX_GUESTS = 16;
