// `ts386 iso KERNEL.elf -o OUT.iso [--grub-cfg FILE]`
// Packs a Multiboot kernel and GRUB into a hybrid ISO that boots from a CD and, written
// to a USB stick, from a disk. See docs/iso.md.

import { buildIso } from "../iso/build-iso.js";
import { grubOptionsFromEnv } from "../iso/grub-core-image.js";
import { parseArgs, required, single, UsageError } from "./args.js";
import type { Command } from "./command.js";

export const isoCommand: Command = {
  usage: `usage: ts386 iso KERNEL.elf -o OUT.iso [--grub-cfg FILE] [--volume-id ID] [--grub-cache DIR] [--verbose]

Writes a GRUB hybrid ISO holding /boot/kernel.elf and /boot/grub/grub.cfg.
The kernel must be an ELF32 i386 executable with a Multiboot header in its first 8 KiB.
--grub-cfg replaces the default configuration (timeout=0, one multiboot entry).
GRUB's core image is made with grub-mkimage (grub-common) from /usr/lib/grub/i386-pc
(grub-pc-bin) and cached in build/grub-cache.

environment:
  SOURCE_DATE_EPOCH   dates in the image (seconds since 1970; default 0)
  TS386_GRUB_CACHE    the core-image cache directory (--grub-cache wins)
  TS386_GRUB_DIR      the GRUB i386-pc module directory
  TS386_GRUB_MKIMAGE  the grub-mkimage program`,

  run(argv, io) {
    const args = parseArgs(argv, {
      "-o": { value: true },
      "--grub-cfg": { value: true },
      "--volume-id": { value: true },
      "--grub-cache": { value: true },
      "--verbose": {},
      "-v": {},
    });
    const output = required(args, "-o");
    if (args.positional.length !== 1) {
      throw new UsageError(args.positional.length === 0 ? "no kernel given" : "exactly one kernel expected");
    }
    const env = grubOptionsFromEnv();
    const result = buildIso({
      ...env,
      kernel: args.positional[0]!,
      output,
      grubCfg: single(args, "--grub-cfg"),
      volumeId: single(args, "--volume-id"),
      cacheDir: single(args, "--grub-cache") ?? env.cacheDir,
    });
    if (args.flags.has("--verbose") || args.flags.has("-v")) {
      io.out(`${output}: ${result.size} bytes; GRUB core image ${result.coreImageCacheHit ? "from cache" : "made"}: ${result.coreImagePath}`);
    }
  },
};
