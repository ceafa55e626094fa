/**
 * Character encodings of source texts. The ministry's texts come as UTF-8
 * (with or without a BOM), UTF-16 (with a BOM) or Shift_JIS (CP932, common
 * for text published by Japanese ministries); each decodes to the same
 * characters. Anything else is refused with the offset of its first bad
 * byte, never decoded with replacement characters.
 */

export type Encoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Shift_JIS (CP932)';

export type Decoded =
  { ok: true; text: string; encoding: Encoding } | { ok: false; message: string };

const hex = (b: number) => `0x${b.toString(16).padStart(2, '0').toUpperCase()}`;

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  return scanUtf8(bytes, from).firstBad;
}

/** Well-formed multi-byte UTF-8 sequences, bytes that start none, and the first of those. */
function scanUtf8(bytes: Uint8Array, from = 0): { valid: number; bad: number; firstBad: number } {
  let valid = 0;
  let bad = 0;
  let firstBad = -1;
  for (let i = from; i < bytes.length;) {
    const n = sequenceAt(bytes, i);
    if (n === 0) {
      bad += 1;
      if (firstBad < 0) firstBad = i;
      i += 1;
    } else {
      if (n > 1) valid += 1;
      i += n;
    }
  }
  return { valid, bad, firstBad };
}

/** Length of the well-formed UTF-8 sequence at `i`, or 0. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  {
    const b = bytes[i]!;
    let n = 0;
    let min = 0;
    if (b < 0x80) return 1;
    if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return 0;
    if (i + n >= bytes.length) return 0; // the sequence is cut off by the end of the file
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return 0;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return n + 1;
  }
}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** C0 controls other than tab, line feed and carriage return: a decoded text full of them is binary. */
const C0 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/gu;

/**
 * Decode a source text: a BOM names its encoding; without one, UTF-8 if
 * every byte sequence is valid, else Shift_JIS (CP932) if every sequence is
 * valid there. A NUL byte (without a UTF-16 BOM) or a text made mostly of
 * control characters is binary.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const bad = firstInvalidUtf8(bytes, 3);
    if (bad >= 0)
      return {
        ok: false,
        message: `a UTF-8 BOM, but byte ${bad} (${hex(bytes[bad]!)}) is not valid UTF-8: the file is damaged`,
      };
    return {
      ok: true,
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)),
      encoding: 'UTF-8 with BOM',
    };
  }
  for (const [bom, label, name] of [
    [[0xff, 0xfe], 'utf-16le', 'UTF-16LE'],
    [[0xfe, 0xff], 'utf-16be', 'UTF-16BE'],
  ] as const) {
    if (bytes[0] === bom[0] && bytes[1] === bom[1]) {
      if (bytes.length % 2 !== 0)
        return {
          ok: false,
          message: `a ${name} BOM, but an odd number of bytes (${bytes.length}): the last byte is cut off`,
        };
      const text = strict(label, bytes.subarray(2));
      if (text === null)
        return {
          ok: false,
          message: `a ${name} BOM, but not valid ${name} (an unpaired surrogate)`,
        };
      return { ok: true, text, encoding: name };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return {
      ok: false,
      message: `binary, not text: a NUL byte at offset ${nul} (UTF-16 needs a BOM)`,
    };
  const scan = scanUtf8(bytes);
  const badUtf8 = scan.firstBad;
  let text: string | null;
  let encoding: Encoding;
  // mostly well-formed UTF-8 with a few bad bytes is a damaged UTF-8 file, not Shift_JIS
  if (badUtf8 >= 0 && scan.valid > 4 * scan.bad) {
    return {
      ok: false,
      message: `UTF-8 with ${scan.bad} invalid byte${scan.bad === 1 ? '' : 's'}, the first at offset ${badUtf8} (${hex(bytes[badUtf8]!)}): the file is damaged`,
    };
  }
  if (badUtf8 < 0) {
    text = new TextDecoder('utf-8').decode(bytes);
    encoding = 'UTF-8';
  } else {
    text = strict('shift_jis', bytes);
    encoding = 'Shift_JIS (CP932)';
    if (text === null) {
      return {
        ok: false,
        message: `neither UTF-8, UTF-16 (with a BOM) nor Shift_JIS: byte ${badUtf8} (${hex(bytes[badUtf8]!)}) is the first that is not valid UTF-8; save the text as UTF-8`,
      };
    }
  }
  const controls = (text.match(C0) ?? []).length;
  if (controls > 16 && controls * 20 > text.length)
    return {
      ok: false,
      message: `binary, not text: ${controls} control characters in ${text.length}`,
    };
  return { ok: true, text, encoding };
}
