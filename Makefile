# ts386 — a TypeScript-to-i386 toolchain, and Toyix, the kernel it builds.
#   make iso     build/kernel.elf and build/toyix.iso
#   make run     boot the ISO in QEMU (VGA window, serial on this terminal)
#   make test    the whole test suite (installs what is missing first)
#   make bench   benchmarks
#   make clean
# Compile-time switches: make iso DEFINES=TOYIX_TRIGGER_PAGE_FAULT (variants build in their own directory).

SHELL := /bin/bash
NODE ?= node
TS386 := $(NODE) bin/ts386.js

.PHONY: all setup setup-test setup-bench tools test bench clean

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

test: setup-test
	@npx tsc -p tsconfig.json
	@npx mocha

clean:
	rm -rf build
