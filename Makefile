# SPDX-License-Identifier: GPL-3.0-or-later
# Thin wrapper over the CMake presets. `make run` and `make test` are all a fresh Debian 12 machine needs.
.PHONY: all deps run build test bench headless translations format clean

JOBS ?= $(shell nproc)

all: build

deps:
	@packaging/debian/install-deps.sh

build: deps
	cmake --preset dev
	cmake --build --preset dev -j $(JOBS)

# Starts the counter app on the embedded default: a local SQLite store in the user's data folder, the demo catalog,
# and a local provincial center (SQLite, http://127.0.0.1:8480) to enroll with; the center stops with the window.
run: build
	packaging/run-local.sh build/dev/app

# Every test, under AddressSanitizer + UndefinedBehaviorSanitizer.
test: deps
	cmake --preset ci
	cmake --build --preset ci -j $(JOBS)
	ctest --preset ci -j $(JOBS)

bench: deps
	cmake --preset release
	cmake --build --preset release -j $(JOBS)
	cmake --build --preset release --target bench

# Core, sync, center and cli without Widgets: proves the headless layers never need the GUI.
headless: deps
	cmake --preset headless
	cmake --build --preset headless -j $(JOBS)
	ctest --preset headless -j $(JOBS)

translations: deps
	cmake --preset dev
	cmake --build --preset dev --target update_translations

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build
