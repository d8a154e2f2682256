import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;

/**
 * An authenticator app, written here from RFC 6238 / RFC 4226 rather than borrowed from the
 * server, so that the browser test checks the server against an independent implementation.
 */
export function totpAt(secretBase32: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  // RFC 4226 §5.3 dynamic truncation.
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;

  return String(binary % 1_000_000).padStart(6, '0');
}

export function currentStep(nowMillis = Date.now()): number {
  return Math.floor(nowMillis / 1000 / STEP_SECONDS);
}

function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = '';
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error('not base32');
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];

  return Buffer.from(bytes.map((byte) => Number.parseInt(byte, 2)));
}

/**
 * Hands out codes the way a person would use an app over time: the server accepts each time step
 * once and only steps after the last accepted one, within one step of drift (RFC 6238 §5.2), so
 * a quick test takes the next unused step, waiting only if it would run ahead of the drift.
 */
export class TotpApp {
  private lastStep = -1;

  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    let step = Math.max(currentStep(), this.lastStep + 1);
    while (step > currentStep() + 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      step = Math.max(currentStep(), this.lastStep + 1);
    }
    this.lastStep = step;

    return totpAt(this.secret, step);
  }
}
