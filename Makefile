# khu: one binary, a plain Makefile, dependencies through pkg-config.
#
#   make            build ./build/release/khu (and ./khu, a link to it)
#   make run        build, create khu.db with the Long An data on first start, serve
#   make test       the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make asan       same as make test
#   make valgrind   the unit suite and the API suite under valgrind (no sanitizers)
#   make bench      generate the national data set, load it, measure (bench/RESULTS.md)
#   make lint       banned functions and clang-format check
#   make fuzz       build and briefly run the libFuzzer targets (clang)

CC       ?= cc
PKGS     := libmicrohttpd jansson sqlite3 zlib libutf8proc libsodium pangocairo
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

APP_SRC  := $(sort $(wildcard src/core/*.c src/store/*.c src/http/*.c src/api/*.c src/cli/*.c \
                           src/report/*.c))
APP_SRC  := $(filter-out src/cli/main.c,$(APP_SRC))
APP_OBJ  := $(APP_SRC:%.c=$(B)/%.o) $(B)/gen/web_assets.o $(B)/gen/data_assets.o
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
WEB      := $(sort $(wildcard web/*))
DATA     := $(sort $(wildcard data/*.csv))

.PHONY: all run test asan valgrind bench lint format fuzz clean deps build-tests docs
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

$(B)/tools/schema_doc: tools/schema_doc.c src/core/schema.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O1 $(WARN) -Isrc -o $@ $^

docs: $(B)/tools/schema_doc
	$(B)/tools/schema_doc > docs/data-model.md

$(B)/gen/web_assets.c: $(B)/tools/embed $(WEB)
	@mkdir -p $(dir $@)
	$(B)/tools/embed khu_assets web $(WEB) > $@.tmp && mv $@.tmp $@

$(B)/gen/data_assets.c: $(B)/tools/embed $(DATA)
	@mkdir -p $(dir $@)
	$(B)/tools/embed khu_data_files data/ $(DATA) > $@.tmp && mv $@.tmp $@

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

lint:
	@tools/lint

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

fuzz:
	@$(MAKE) --no-print-directory -f fuzz/Makefile

clean:
	rm -rf build khu

-include $(shell find build -name '*.d' 2>/dev/null)
