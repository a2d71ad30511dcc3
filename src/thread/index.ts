// Public API of src/thread: read inputs into a threaded, attributed ThreadParse, and the
// series/mailinfo views of it that reports use.
export type * from './types.js';
export { parseThread, type ParseOptions } from './parse-thread.js';
export { UnreadableInput } from './input-error.js';
export { mailInfo, type MailInfo } from './mail-info.js';
export { roles, groupSeries, collectTrailers, ownDiff, type Role, type Series } from './series.js';
export { parseSubjectTags, threadSubject, cleanSubject } from './subject-tags.js';
export { splitQuoted, quoteDepthOf } from './quote-depth.js';
