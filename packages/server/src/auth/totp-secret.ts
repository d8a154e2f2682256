import type { FieldCipher, FieldContext } from '../crypto/field-cipher.js';

type TotpColumn = 'totp_secret_enc' | 'totp_pending_secret_enc';

/** TOTP secrets are field-encrypted in `users`, bound to no shop (users are global). */
export function totpSecretContext(userId: string, column: TotpColumn): FieldContext {
  return { shopId: '', table: 'users', column, rowId: userId };
}

/** The user's enrolled base32 secret, or null when no authenticator is enrolled. */
export function decryptTotpSecret(
  cipher: FieldCipher,
  user: { user_id: string; totp_secret_enc: Uint8Array | null },
): string | null {
  if (user.totp_secret_enc === null) return null;
  return cipher.decryptText(
    user.totp_secret_enc,
    totpSecretContext(user.user_id, 'totp_secret_enc'),
  );
}
