# The two commands a newcomer types: `make run` and `make test`.
PORT ?= 8080
DB ?= ./var/steward.db
BUILD ?= build
JOBS ?= 2

.PHONY: setup build build-asan run test test-asan bench clean

setup:
	@scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: setup
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTEWARD_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)

run: build
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then $(BUILD)/steward init --db $(DB) --demo; fi
	@$(BUILD)/steward serve --db $(DB) --port $(PORT)

test: build build-asan
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@cd build-asan && ctest --output-on-failure -j $(JOBS) -LE browser

bench: build
	@scripts/setup.sh --bench
	@bench/published_page

clean:
	rm -rf $(BUILD) build-asan
