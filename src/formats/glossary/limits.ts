/**
 * The largest glossary file accepted, in bytes (32 MiB). Measured on Copydesk's exports: a concept
 * with four terms, notes and provenance takes about 1.5 kB as TBX and 0.6 kB as CSV, so this is
 * about 21,000 concepts in TBX (our own export must be importable again) and 50,000 in CSV; reading
 * 10 MB of TBX takes about 2 s, so the largest accepted file takes about 6 s. Anything larger (the
 * 50 MB file of issue 4) is refused before it is decoded or parsed, so it costs one length check.
 * DeepL's own limit is 10 MiB per glossary (docs/reference/formats.md §4); its export warns.
 */
export const MAX_GLOSSARY_BYTES = 32 * 1024 * 1024;

/** Returns "10 MB", "3.2 MB", "512 kB" or "41 bytes" for a size in bytes (1 MB = 1,048,576 bytes, as the limit is counted). */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimZero((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${trimZero((bytes / 1024).toFixed(1))} kB`;
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** Returns the refusal for a file over MAX_GLOSSARY_BYTES; `size` is exact when known, a lower bound otherwise. */
export function tooLargeMessage(size: number, maxBytes = MAX_GLOSSARY_BYTES): string {
  const limit = formatByteSize(maxBytes);
  // Just over the limit rounds to the limit ("10 MB; over 10 MB"): show the exact bytes then.
  const shown = formatByteSize(size) === limit ? `${size.toLocaleString('en-US')} bytes` : formatByteSize(size);
  return `The file is ${shown}; glossary files over ${limit} are refused. Split it into smaller files, or export only the concepts you need.`;
}

function trimZero(fixed: string): string {
  return fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed;
}
