// File output that never leaves a half-written artefact: write a temporary file
// beside the target, then rename it into place (rename is atomic on one file system).

import * as fs from "node:fs";
import * as path from "node:path";

export function writeFileAtomic(target: string, data: Uint8Array | string, mode?: number): void {
  // A device or pipe (`-o /dev/null`, `-o /dev/stdout`) is written in place: renaming a
  // file over it would replace the device node with a regular file.
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    fs.writeFileSync(target, data);
    return;
  }
  const dir = path.dirname(path.resolve(target));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data, mode === undefined ? undefined : { mode });
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Removes a stale output so that a failed build does not leave an old one looking current. */
export function removeIfExists(target: string): void {
  fs.rmSync(target, { force: true });
}
