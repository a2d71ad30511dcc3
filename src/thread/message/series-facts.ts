// What git format-patch --base and b4 write below a patch or in a cover letter to say which tree
// a series applies to and which series it is across revisions:
//   base-commit: 0ff41df1cb268fc69e703a08a57ee14ae967d0ca
//   change-id: 20250129-device-exclusive-3d2c1c0c8a2b
// Only the sender's own lines count (depth 0, not inside a diff, before the signature).
import type { QuotedLine } from '../../patch/types.js';
import type { SeriesFacts } from '../types.js';
import { isSignatureSeparator, type TrailerScope } from './trailers.js';

const BASE_COMMIT = /^base-commit:\s*([0-9a-f]{7,40})\s*$/i;
const CHANGE_ID = /^change-id:\s*(\S+)\s*$/i;

export function findSeriesFacts(lines: QuotedLine[], scope: Pick<TrailerScope, 'inDiff'>): SeriesFacts {
  const out: SeriesFacts = { baseCommit: null, changeId: null };
  for (const l of lines) {
    if (l.depth === 0 && isSignatureSeparator(l.text)) break;
    if (l.depth !== 0 || scope.inDiff(l.lineNo)) continue;
    const c = l.text.charCodeAt(0);
    if (c !== 98 && c !== 66 && c !== 99 && c !== 67) continue; // b, B, c, C
    const b = BASE_COMMIT.exec(l.text);
    if (b) out.baseCommit ??= b[1]!.toLowerCase();
    const id = CHANGE_ID.exec(l.text);
    if (id) out.changeId ??= id[1]!;
  }
  return out;
}
