// What a decoded message looks like to the rest of src/thread, whatever it was read from
// (MIME mail, web-archive text, bare diff). Kept separate from Message: this is the input side.
import type { Person } from '../types.js';

export interface TextPart {
  contentType: string;
  filename: string | null;
  text: string;
}

export interface DecodedMail {
  messageId: string | null;
  from: Person | null;
  /** The From header as written (unfolded, RFC 2047 decoded): git mailinfo keeps its comments. */
  fromHeader: string | null;
  date: Date | null;
  dateHeader: string | null;
  subject: string;
  inReplyTo: string | null;
  references: string[];
  /** The text/plain body, LF line ends, format=flowed already undone. */
  body: string;
  /** Text attachments and text/x-patch / text/x-diff parts, decoded. */
  parts: TextPart[];
  /** The message had any header at all (t5100's nul-plain has none and is still a message). */
  hasHeaders: boolean;
}
