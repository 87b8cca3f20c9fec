// The widget.js entry. <direct-book> imports (and so registers, once: see define.ts) the rates
// step and loads the later ones itself (steps.ts); the inner elements are not part of the public
// module, the root and its events are. start.ts comes first: it sends the first request.
import './start.ts';
export { DirectBook } from './direct-book.ts';
export { DirectbookBookedEvent, DirectbookStepEvent } from './events.ts';
