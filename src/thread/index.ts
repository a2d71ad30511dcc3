// Public API of src/thread: read inputs into a threaded, attributed ThreadParse, and the
// series/mailinfo views of it that reports use.
export type * from './types.js';
export { parseThread, type ParseOptions } from './parse-thread.js';
export { UnreadableInput } from './input/input-error.js';
export { mailInfo, type MailInfo } from './tree/mail-info.js';
export { roles, groupSeries, collectTrailers, ownDiff, type Role, type Series } from './tree/series.js';
export { parseSubjectTags, threadSubject, cleanSubject } from './message/subject-tags.js';
export { splitQuoted, quoteDepthOf } from './message/quote-depth.js';
