// Bytes to text and back, keeping the file's encoding so that a fix never changes it.

export type TextEncodingName = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

export type Undecodable = 'binary' | 'invalid-utf8' | 'invalid-utf16';

export type Decoded = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: Undecodable };

export function decodeText(bytes: Uint8Array): Decoded {
  // Strict, as UTF-8 is: a fix must never write back U+FFFD where the file had something else.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeStrictly(bytes.subarray(2), 'utf-16le', 'utf16le', 'invalid-utf16');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeStrictly(bytes.subarray(2), 'utf-16be', 'utf16be', 'invalid-utf16');
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  // A NUL in the first 8 KB means a binary file that merely ends in .md.
  if (body.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary' };
  return decodeStrictly(body, 'utf-8', hasBom ? 'utf8bom' : 'utf8', 'invalid-utf8');
}

function decodeStrictly(bytes: Uint8Array, label: string, encoding: TextEncodingName, invalid: Undecodable): Decoded {
  try {
    return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding };
  } catch {
    return { ok: false, reason: invalid };
  }
}

export function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
}
