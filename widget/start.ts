// Evaluated first of widget.js (index.ts imports it before anything else), so each <direct-book>
// already on the page has its first request on the way before Lit is evaluated (first-request.ts).
import { sendFirstRequests } from './first-request.ts';

sendFirstRequests();
