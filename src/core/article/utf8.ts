/**
 * UTF-8 byte arithmetic the decoder needs and TextDecoder does not give: where the first bad byte
 * is, and how many bytes a string takes, without encoding it.
 */

/**
 * Returns the offset of the first byte that starts a malformed UTF-8 sequence, or -1 when all of
 * `bytes` is valid. Follows the WHATWG Encoding Standard's UTF-8 decoder (the one TextDecoder
 * uses), so overlong forms, surrogates and code points above U+10FFFF are refused as it refuses them.
 */
export function findInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      need = 1;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) lower = 0xa0; // below is an overlong form
      if (lead === 0xed) upper = 0x9f; // above is a UTF-16 surrogate
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) lower = 0x90; // below is an overlong form
      if (lead === 0xf4) upper = 0x8f; // above is past U+10FFFF
    } else {
      return i; // a stray continuation byte, C0/C1 (overlong) or F5-FF (never valid)
    }
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || next < lower || next > upper) return i;
      lower = 0x80;
      upper = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Returns how many bytes `text` takes as UTF-8, counting no further than `stopAbove + 1` so a huge
 * paste is measured only as far as the limit. A lone surrogate counts 3, as TextEncoder writes U+FFFD.
 */
export function utf8ByteLength(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
    if (bytes > stopAbove) return bytes;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
