/**
 * Encodes a list of fields so that two different lists never give the same bytes: each field
 * is its byte length as a 32-bit big-endian integer followed by the bytes themselves (strings as
 * UTF-8). Plain concatenation would let ('ab', 'c') and ('a', 'bc') collide, which would let a
 * value bound to one context verify under another.
 */
export function encodeFields(fields: readonly (string | Uint8Array)[]): Buffer {
  const parts: Buffer[] = [];
  for (const field of fields) {
    const bytes = typeof field === 'string' ? Buffer.from(field, 'utf8') : Buffer.from(field);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    parts.push(length, bytes);
  }

  return Buffer.concat(parts);
}
