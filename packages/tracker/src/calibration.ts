import {
  type Calibration,
  IDENTITY_CALIBRATION,
  isCalibration,
  TAXONOMY_VERSION,
} from '@auraflow/taxonomy';
import { isRecord } from './page-globals.js';

/**
 * The shop's calibration from `GET {api}/v1/config/{siteKey}`. Never rejects: an error, an
 * unexpected body or a config for another taxonomy version all give the identity calibration,
 * so scoring works the same with the API down, just uncalibrated.
 */
export function fetchCalibration(api: string, siteKey: string): Promise<Calibration> {
  return fetch(`${api}/v1/config/${encodeURIComponent(siteKey)}`, {
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  })
    .then((response) => (response.ok ? response.json() : null))
    .then((config: unknown) =>
      isRecord(config) &&
      config.taxonomyVersion === TAXONOMY_VERSION &&
      isCalibration(config.calibration)
        ? config.calibration
        : IDENTITY_CALIBRATION,
    )
    .catch(() => IDENTITY_CALIBRATION);
}
