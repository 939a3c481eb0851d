/** Returns the instant in TMX's date format, UTC `YYYYMMDDThhmmssZ` (TMX 1.4b §3.2 "creationdate"), or undefined when `iso` is not a date. */
export function toTmxDate(iso: string): string | undefined {
  const utc = toXsdDateTime(iso);
  return utc === undefined ? undefined : utc.replace(/[-:]/g, '');
}

/** Returns the instant as an xs:dateTime in UTC without fractions (`2026-11-29T10:00:00Z`; XLIFF 1.2 `file/@date`), or undefined when `iso` is not a date. */
export function toXsdDateTime(iso: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const text = new Date(ms).toISOString();
  // Guard: years outside 0000-9999 come out as ±YYYYYY, which neither format allows.
  if (!/^\d{4}-/.test(text)) return undefined;
  return `${text.slice(0, 19)}Z`;
}
