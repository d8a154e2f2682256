import { describe, expect, it } from 'vitest';
import { openSealed, sealWithNonce } from '../../src/crypto/aes-gcm.js';

interface Vector {
  readonly source: string;
  readonly key: string;
  readonly nonce: string;
  readonly plaintext: string;
  readonly aad: string;
  readonly ciphertext: string;
  readonly tag: string;
}

// Published AES-256-GCM known answers with 96-bit IVs and 128-bit tags (hex).
const VECTORS: readonly Vector[] = [
  {
    source: 'NIST CAVP gcmEncryptExtIV256.rsp [PTlen=128][AADlen=0] Count=0',
    key: '31bdadd96698c204aa9ce1448ea94ae1fb4a9a0b3c9d773b51bb1822666b8f22',
    nonce: '0d18e06c7c725ac9e362e1ce',
    plaintext: '2db5168e932556f8089a0622981d017d',
    aad: '',
    ciphertext: 'fa4362189661d163fcd6a56d8bf0405a',
    tag: 'd636ac1bbedd5cc3ee727dc2ab4a9489',
  },
  {
    source: 'NIST CAVP gcmEncryptExtIV256.rsp [PTlen=128][AADlen=128] Count=0',
    key: '92e11dcdaa866f5ce790fd24501f92509aacf4cb8b1339d50c9c1240935dd08b',
    nonce: 'ac93a1a6145299bde902f21a',
    plaintext: '2d71bcfa914e4ac045b2aa60955fad24',
    aad: '1e0889016f67601c8ebea4943bc23ad6',
    ciphertext: '8995ae2e6df3dbf96fac7b7137bae67f',
    tag: 'eca5aa77d51d4a0a14d9c51e1da474ab',
  },
  {
    source: 'McGrew and Viega, The GCM Mode of Operation (NIST submission), Test Case 13',
    key: '0'.repeat(64),
    nonce: '0'.repeat(24),
    plaintext: '',
    aad: '',
    ciphertext: '',
    tag: '530f8afbc74536b9a963b4f1c4cb738b',
  },
  {
    source: 'McGrew and Viega, The GCM Mode of Operation (NIST submission), Test Case 16',
    key: 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
    nonce: 'cafebabefacedbaddecaf888',
    plaintext:
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
      '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
    aad: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
    ciphertext:
      '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa' +
      '8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
    tag: '76fc6ece0f4e1768cddf8853bb2d551b',
  },
];

const hex = (text: string): Buffer => Buffer.from(text, 'hex');

describe('AES-256-GCM primitive matches published known answers', () => {
  describe.each(VECTORS)('$source', (vector) => {
    const key = hex(vector.key);
    const nonce = hex(vector.nonce);
    const aad = hex(vector.aad);

    it('seals to the published ciphertext and tag', () => {
      const sealed = sealWithNonce(key, nonce, hex(vector.plaintext), aad);

      expect(sealed.toString('hex')).toBe(vector.ciphertext + vector.tag);
    });

    it('opens the published ciphertext and tag to the plaintext', () => {
      const opened = openSealed(key, nonce, hex(vector.ciphertext + vector.tag), aad);

      expect(opened?.toString('hex')).toBe(vector.plaintext);
    });

    it('refuses the published ciphertext with a changed tag', () => {
      const sealed = hex(vector.ciphertext + vector.tag);
      sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 0x80;

      expect(openSealed(key, nonce, sealed, aad)).toBeNull();
    });
  });

  it('refuses a tag cut to 12 bytes', () => {
    const [vector] = VECTORS;
    if (vector === undefined) throw new Error('no vector');
    const cut = hex(vector.ciphertext + vector.tag.slice(0, 24));

    expect(openSealed(hex(vector.key), hex(vector.nonce), cut, hex(vector.aad))).toBeNull();
  });
});
