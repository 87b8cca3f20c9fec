import * as v from 'valibot';

// Issue 9: guest names go into e-mail text, so a name that carries a web address would let anyone
// send the property's mail with their link in it. Real names keep their dots when a space or a
// capital follows ("J. R. R. Tolkien", "St.John"); a dot followed by a top-level domain is a host name.
const SCHEME = /[a-z][a-z\d+.-]*:\/\//i;
const WWW = /(^|[^\p{L}\p{N}])www\./iu;
// In lower case, a country code or a generic domain after a dot is a host ("Mary.Jo", "J.Link" are
// names); spam also shouts, so the endings no surname has count in any case, and so does punycode.
const LOWER_CASE_DOMAIN = /[\p{L}\p{N}-]\.([a-z]{2}|app|bid|click|club|dev|link|live|loan|page|pro|shop|space|store|tech|today|top|vip|win|work|world)(?![\p{L}\p{N}])/u;
const ANY_CASE_DOMAIN = /[\p{L}\p{N}-]\.(com|net|org|info|biz|xyz|online|site|website|icu|mobi|xn--[a-z\d-]+)(?![\p{L}\p{N}])/iu;

export const NAME_URL_MESSAGE = 'Names cannot contain web addresses';

/** True when a name contains something that reads as a URL or a domain. */
export function looksLikeUrl(name: string): boolean {
  return SCHEME.test(name) || WWW.test(name) || LOWER_CASE_DOMAIN.test(name) || ANY_CASE_DOMAIN.test(name);
}

export const GuestNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'Required'),
  v.maxLength(100),
  v.check((name) => !looksLikeUrl(name), NAME_URL_MESSAGE),
);
