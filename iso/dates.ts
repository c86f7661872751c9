// The two date formats of ISO 9660 (ECMA-119 8.4.26.1 and 9.1.5), both written in UTC,
// and SOURCE_DATE_EPOCH (reproducible-builds.org) which fixes every date in the image.

import { fail } from "../common/diagnostics.js";

/** The dates of an image built without SOURCE_DATE_EPOCH: 1970-01-01 00:00:00 UTC, fixed. */
export const DEFAULT_EPOCH = 0;
/** Directory records store the year as years since 1900 in one byte. */
const LAST_EPOCH = Date.UTC(2155, 11, 31, 23, 59, 59) / 1000;

/** Reads SOURCE_DATE_EPOCH from the environment (decimal seconds), or the fixed default. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env["SOURCE_DATE_EPOCH"];
  if (raw === undefined || raw === "") return DEFAULT_EPOCH;
  if (!/^[0-9]+$/.test(raw.trim()) || Number(raw) > LAST_EPOCH) {
    fail(`SOURCE_DATE_EPOCH must be seconds since 1970 up to ${LAST_EPOCH} (year 2155), not '${raw}'`, undefined, { origin: "iso" });
  }
  return Number(raw);
}

/** The 7-byte date of a directory record: years since 1900, month, day, h, m, s, UTC offset 0. */
export function recordDate(epoch: number): Uint8Array {
  const d = new Date(epoch * 1000);
  return Uint8Array.of(d.getUTCFullYear() - 1900, d.getUTCMonth() + 1, d.getUTCDate(),
    d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0);
}

/** The 17-byte volume descriptor date: "YYYYMMDDHHMMSScc" in ASCII and a UTC offset byte of 0. */
export function volumeDate(epoch: number): Uint8Array {
  const d = new Date(epoch * 1000);
  const p = (n: number, w: number) => String(n).padStart(w, "0");
  const s = p(d.getUTCFullYear(), 4) + p(d.getUTCMonth() + 1, 2) + p(d.getUTCDate(), 2) +
    p(d.getUTCHours(), 2) + p(d.getUTCMinutes(), 2) + p(d.getUTCSeconds(), 2) + "00";
  const out = new Uint8Array(17);
  for (let i = 0; i < 16; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** "Not specified" (all digits zero, offset 0), used for the expiration and effective dates. */
export function unspecifiedVolumeDate(): Uint8Array {
  const out = new Uint8Array(17);
  out.fill(0x30, 0, 16);
  return out;
}
