// Dates as web archives print them. lkml.iu.edu writes `Wed Jun 09 2021 - 20:18:38 EST` and
// means US Eastern wall-clock time (it says "EST" in summer too: the seed's 20:18:38 "EST" is
// the mail's 10:18:38 AEST, i.e. EDT). So for archive text only, EST/EDT are read as
// America/New_York local time; other zones and RFC 2822 dates go through Date.parse.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const LKML_IU = /^(?:\w{3},?\s+)?(\w{3})\s+(\d{1,2}),?\s+(\d{4})\s*-?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Z]{2,5})?$/;

export function parseArchiveDate(text: string): Date | null {
  const s = text.trim();
  const m = LKML_IU.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase());
    if (month >= 0) {
      const wall = Date.UTC(+m[3]!, month, +m[2]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
      const zone = m[7] ?? 'UTC';
      if (zone === 'EST' || zone === 'EDT') return new Date(wall - newYorkOffsetMs(wall));
      const fixed = FIXED_ZONES[zone];
      if (fixed !== undefined) return new Date(wall - fixed * 3600_000);
    }
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

const FIXED_ZONES: Record<string, number> = { UTC: 0, GMT: 0, CET: 1, CEST: 2, PST: -8, PDT: -7, AEST: 10, AEDT: 11 };

/** UTC offset of America/New_York at a wall-clock time (given as if it were UTC), via Intl. */
function newYorkOffsetMs(wallAsUtc: number): number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  // Offset at instant t = (New York wall time at t) - t. Evaluate near the wall time; the
  // one-hour ambiguity at a DST switch is not worth more care for archive dates.
  const probe = wallAsUtc + 5 * 3600_000;
  const p = Object.fromEntries(fmt.formatToParts(new Date(probe)).map((x) => [x.type, x.value]));
  const ny = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return ny - probe;
}
