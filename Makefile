# khu: one binary, a plain Makefile, dependencies through pkg-config.
#
#   make            build ./build/release/khu (and ./khu, a link to it)
#   make run        build, create khu.db with the Long An data on first start, serve
#   make demo       build, make demo.db: the Long An data and labelled synthetic dossiers,
#                   suppliers, demands and matches, serve
#   make synthetic  build, make synthetic.db from the generator's data set alone, serve
#   make test       the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make asan       same as make test
#   make valgrind   the unit suite and the API suite under valgrind (no sanitizers)
#   make bench      generate the national data set, load it, measure (bench/RESULTS.md)
#   make lint       banned functions and clang-format check
#   make fuzz       build and briefly run the libFuzzer targets (clang)

CC       ?= cc
PKGS     := libmicrohttpd jansson sqlite3 zlib libutf8proc libsodium pangocairo xlsxwriter
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WARN     := -Wall -Wextra -Werror -Wshadow -Wvla -Wno-missing-field-initializers
CPPFLAGS += -D_GNU_SOURCE -Isrc -I$(B)/gen
XCFLAGS  := -std=c17 $(WARN) -MMD -MP $(shell pkg-config --cflags $(PKGS))
LDLIBS   += $(shell pkg-config --libs $(PKGS)) -lpthread -lm

ifeq ($(SAN),1)
B        ?= build/asan
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
XCFLAGS  += $(SANFLAGS)
LDFLAGS  += $(SANFLAGS)
OPT      := -O1
else
B        ?= build/release
endif

APP_SRC  := $(sort $(wildcard src/core/*.c src/store/*.c src/store/sqlite/*.c src/app/*.c src/http/*.c \
                           src/api/*.c src/cli/*.c src/gen/*.c \
                           src/report/*.c src/mail/*.c))
APP_SRC  := $(filter-out src/cli/main.c,$(APP_SRC))
APP_OBJ  := $(APP_SRC:%.c=$(B)/%.o) $(B)/gen/web_assets.o $(B)/gen/data_assets.o
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
# The web app: the files of web/ and the libraries it uses (npm, pinned in
# package-lock.json), gathered flat in build/web and embedded in the binary.
NPM_STAMP   := node_modules/.khu-npm-ci
LEAFLET_IMG := layers.png layers-2x.png marker-icon.png marker-icon-2x.png marker-shadow.png
WEB_LIB     := leaflet.js leaflet.css $(LEAFLET_IMG) uPlot.iife.min.js uPlot.min.css LICENSES.txt \
               outline.json
WEB         := $(patsubst web/%,build/web/%,$(sort $(wildcard web/*))) \
               $(addprefix build/web/,$(WEB_LIB))
DATA     := $(sort $(wildcard data/*.csv data/changes/*.csv))

.PHONY: all run demo synthetic test asan valgrind bench lint format fuzz clean deps build-tests docs
all: $(B)/khu
	@ln -sf $(B)/khu khu

$(B)/khu: $(APP_OBJ) $(B)/src/cli/main.o
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(XCFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O1 $(WARN) -o $@ $<

$(B)/tools/schema_doc: tools/schema_doc.c src/core/schema.c src/core/dictionary.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O1 $(WARN) -Isrc -o $@ $^

docs: $(B)/tools/schema_doc
	$(B)/tools/schema_doc > docs/data-model.md

$(B)/gen/web_assets.c: $(B)/tools/embed $(WEB)
	@mkdir -p $(dir $@)
	@echo "  EMBED   $@"
	@$(B)/tools/embed khu_assets build/web $(WEB) > $@.tmp && mv $@.tmp $@

# npm ci from the lockfile when node_modules is missing or older than it
$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || tools/deps
	@echo "  NPM     ci"
	@npm ci --no-audit --no-fund --loglevel=error >/dev/null
	@touch $@

build/web/%: web/%
	@mkdir -p $(dir $@)
	@cp $< $@

build/web/leaflet.js: $(NPM_STAMP)
	@mkdir -p $(dir $@)
	@sed '/sourceMappingURL=/d' node_modules/leaflet/dist/leaflet.js > $@

build/web/leaflet.css: $(NPM_STAMP)
	@mkdir -p $(dir $@)
	@sed 's#url(images/#url(#g' node_modules/leaflet/dist/leaflet.css > $@

$(addprefix build/web/,$(LEAFLET_IMG)): build/web/%: $(NPM_STAMP)
	@mkdir -p $(dir $@)
	@cp node_modules/leaflet/dist/images/$* $@

build/web/uPlot.iife.min.js build/web/uPlot.min.css: build/web/%: $(NPM_STAMP)
	@mkdir -p $(dir $@)
	@sed '/sourceMappingURL=/d' node_modules/uplot/dist/$* > $@

# country outlines for the map without tiles (Natural Earth via world-atlas)
build/web/outline.json: $(NPM_STAMP) tools/outline.mjs
	@mkdir -p $(dir $@)
	@node tools/outline.mjs > $@.tmp && mv $@.tmp $@

build/web/LICENSES.txt: $(NPM_STAMP) NOTICE
	@mkdir -p $(dir $@)
	@{ cat NOTICE; for p in leaflet uplot world-atlas; do \
	  printf '\n==== %s %s ====\n\n' $$p "$$(node -p "require('./node_modules/$$p/package.json').version")"; \
	  cat node_modules/$$p/LICENSE*; done; } > $@

$(B)/gen/data_assets.c: $(B)/tools/embed $(DATA)
	@mkdir -p $(dir $@)
	@echo "  EMBED   $@"
	@$(B)/tools/embed khu_data_files data/ $(DATA) > $@.tmp && mv $@.tmp $@

$(B)/gen/%.o: $(B)/gen/%.c
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(XCFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(APP_OBJ)
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(CPPFLAGS) $(XCFLAGS) $(CFLAGS) -Itests $(LDFLAGS) -o $@ $^ $(LDLIBS)

build-tests: $(B)/khu $(TEST_BIN) $(B)/tools/schema_doc

deps:
	@tools/deps

run: deps
	@$(MAKE) --no-print-directory all
	./khu serve --db khu.db

# the default data with a synthetic layer of dossiers (khu demo); its accounts are printed
demo: deps
	@$(MAKE) --no-print-directory all
	./khu demo --db demo.db --force
	./khu serve --db demo.db

# the generator's whole synthetic data set (khu gen, province scale): suppliers, demands,
# the pipeline and the local share with no real data at all; every page says so
synthetic: deps
	@$(MAKE) --no-print-directory all
	rm -rf build/synthetic synthetic.db synthetic.db-wal synthetic.db-shm
	mkdir -p build/synthetic
	./khu gen --scale province --seed 1 --force --quiet build/synthetic
	./khu import --dir build/synthetic --db synthetic.db
	./khu serve --db synthetic.db

test:
	@tools/deps test
	@tools/lint
	@$(MAKE) --no-print-directory SAN=1 build-tests
	@build/asan/tools/schema_doc | diff -u docs/data-model.md - >/dev/null || \
	  { echo "docs/data-model.md is stale: run make docs"; exit 1; }
	@KHU_BIN=$(CURDIR)/build/asan/khu KHU_DATA=$(CURDIR)/data \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp tests/run build/asan

asan: test

VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
            --suppressions=$(CURDIR)/tests/valgrind.supp

valgrind:
	@$(MAKE) --no-print-directory OPT=-O0 B=build/valgrind build-tests
	@KHU_BIN=$(CURDIR)/build/valgrind/khu KHU_DATA=$(CURDIR)/data \
	  KHU_WRAP="$(VALGRIND)" TEST_WRAP="$(VALGRIND)" tests/run build/valgrind

bench: all
	bench/run
	bench/finder
	bench/suppliers
	{ echo '# Live figures: targets, stats and /healthz, built from the database'; echo; \
	  echo 'Produced by `make bench` (bench/live on the national set of bench/run, one run).'; \
	  echo 'Goal: targets and stats built from the database p99 < 20 ms; /healthz never waits.'; \
	  echo; echo '```'; bench/live bench/out/bench.db 1; echo '```'; } >bench/RESULTS-live.md.tmp
	mv bench/RESULTS-live.md.tmp bench/RESULTS-live.md
	cat bench/RESULTS-live.md
	{ echo '# Signing in'; echo; \
	  echo 'Produced by `make bench` (bench/auth, medians of three runs, on the default data set).'; \
	  echo 'Goals: a login takes 50-250 ms; reads keep 80% of their rate while clients sign in.'; \
	  echo; echo '```'; bench/auth 3; echo '```'; } >bench/RESULTS-auth.md.tmp
	mv bench/RESULTS-auth.md.tmp bench/RESULTS-auth.md
	cat bench/RESULTS-auth.md
	{ echo '# Dossiers'; echo; \
	  echo 'Produced by `make bench` (bench/dossiers on the national set of bench/run, three runs).'; \
	  echo 'Goals: overdue consultations by department p99 < 20 ms at 64 connections; a'; \
	  echo "department's queue p99 < 10 ms; filing a dossier with a 5 MB document p99 < 200 ms."; \
	  echo; echo '```'; bench/dossiers bench/out/bench.db 3; echo '```'; } >bench/RESULTS-dossiers.md.tmp
	mv bench/RESULTS-dossiers.md.tmp bench/RESULTS-dossiers.md
	cat bench/RESULTS-dossiers.md
	{ echo '# Audited writes'; echo; \
	  echo 'Produced by `make bench` (bench/writes, medians of three runs, on the default data set).'; \
	  echo 'Goals: >= 2,000 audited writes/s with p99 < 20 ms; reads keep 80% while writes go on;'; \
	  echo 'kill -9 during writes 20 times loses no acknowledged write and leaves the chain intact.'; \
	  echo; echo '```'; bench/writes 3 20; echo '```'; } >bench/RESULTS-writes.md.tmp
	mv bench/RESULTS-writes.md.tmp bench/RESULTS-writes.md
	cat bench/RESULTS-writes.md

lint:
	@tools/lint

format:
	clang-format -i $$(git ls-files -co --exclude-standard '*.c' '*.h')

fuzz:
	@$(MAKE) --no-print-directory -f fuzz/Makefile

clean:
	rm -rf build khu

-include $(shell find build -name '*.d' 2>/dev/null)
