// Where the GitHub side writes what it does. The Action logs through @actions/core (so warnings
// become annotations on the run), the CLI to stderr; both scrub secrets first.
import type { Secrets } from './secrets.js';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

export interface LogSink {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

/** A logger that scrubs every message before handing it to the sink. */
export function scrubbingLogger(sink: LogSink, secrets: Secrets): Logger {
  return {
    debug: (m) => sink.debug(secrets.scrub(m)),
    info: (m) => sink.info(secrets.scrub(m)),
    warning: (m) => sink.warning(secrets.scrub(m)),
    error: (m) => sink.error(secrets.scrub(m)),
  };
}

/** The CLI's sink: one line per message on stderr; debug lines only when asked for. */
export function stderrSink(debug: boolean): LogSink {
  const write = (prefix: string, m: string) => process.stderr.write(`${prefix}${m}\n`);
  return {
    debug: (m) => {
      if (debug) write('debug: ', m);
    },
    info: (m) => write('', m),
    warning: (m) => write('warning: ', m),
    error: (m) => write('error: ', m),
  };
}
