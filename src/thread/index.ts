// Public API of src/thread: read inputs into a threaded, attributed ThreadParse.
export type * from './types.js';
export { parseThread } from './parse-thread.js';
