# MANGU Publishing: one C server (`mangu`), its web client and its tests.
# Targets: all run test test-unit test-asan test-http test-e2e asan fmt lint compdb bench clean

CC      ?= gcc
PKGS    := libmicrohttpd jansson sqlite3 libpq hiredis libsodium libjwt libcurl openssl \
           libmagic libzip libxml-2.0 vips libqpdf
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
           -Wno-unused-parameter -Isrc -Ibuild/gen \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -MMD -MP
LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lzxcvbn -lm -lpthread
ifeq ($(CI),true)
override CFLAGS += -Werror
endif

B        := build
SRC      := $(filter-out src/main.c,$(shell find src -name '*.c' | sort))
OBJ      := $(SRC:%.c=$(B)/%.o) $(B)/gen/migrations.o $(B)/gen/openapi.o
LIB      := $(B)/libmangu.a
TEST_SRC := $(shell find tests/unit -name 'test_*.c' 2>/dev/null | sort)
TESTS    := $(TEST_SRC:%.c=$(B)/%)
MIGRATIONS := $(sort $(wildcard sql/migrations/*.sql))

.PHONY: all run test test-unit test-asan test-http test-e2e asan fmt lint compdb bench clean \
        bootstrap bootstrap-test web

all: $(B)/mangu $(B)/mangu-test $(B)/tests/sigv4-cli web

bootstrap:
	@scripts/bootstrap.sh run

bootstrap-test:
	@scripts/bootstrap.sh test

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/gen/migrations.c: $(MIGRATIONS) scripts/embed-migrations.sh
	@mkdir -p $(dir $@)
	scripts/embed-migrations.sh $(MIGRATIONS) > $@.tmp && mv $@.tmp $@

$(B)/gen/migrations.o: $(B)/gen/migrations.c
	$(CC) $(CFLAGS) -c $< -o $@

OPENAPI_PARTS := $(sort $(wildcard docs/openapi/*.json))

$(B)/gen/openapi.json: $(OPENAPI_PARTS) scripts/openapi-merge.mjs
	@mkdir -p $(dir $@)
	node scripts/openapi-merge.mjs $@ $(OPENAPI_PARTS)

$(B)/gen/openapi.c: $(B)/gen/openapi.json scripts/embed-file.sh
	scripts/embed-file.sh openapi_json $< > $@.tmp && mv $@.tmp $@

$(B)/gen/openapi.o: $(B)/gen/openapi.c
	$(CC) $(CFLAGS) -c $< -o $@

$(LIB): $(OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/mangu: $(B)/src/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The test build adds routes that must never ship (a slow route for drain tests).
$(B)/test-routes/routes.o: src/api/routes.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DMANGU_TEST_ROUTES -c $< -o $@

$(B)/mangu-test: $(B)/src/main.o $(B)/test-routes/routes.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(B)/src/main.o $(B)/test-routes/routes.o $(LIB) $(LDLIBS)

# The S3 driver's presigner on the command line, for tests/http/3000-sigv4 (against the AWS SDK).
$(B)/tests/sigv4-cli: tests/unit/blob/sigv4_cli.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

$(B)/tests/unit/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(LIB) $(LDLIBS) -lcmocka

web:
	@if [ -f web/package.json ]; then scripts/build-web.sh; fi

run: bootstrap all
	@scripts/run.sh

test: bootstrap-test all
	@scripts/test.sh

test-unit: $(TESTS)
	@scripts/run-unit.sh $(TESTS)

# Unit tests again under AddressSanitizer + UndefinedBehaviorSanitizer, in their own tree.
test-asan:
	$(MAKE) B=build/asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" test-unit

asan:
	$(MAKE) B=build/asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined" build/asan/mangu build/asan/mangu-test

test-http: all
	tests/run-http.sh embedded
	tests/run-http.sh scaled

test-e2e: all
	scripts/e2e.sh

fmt:
	clang-format -i $$(find src tests/unit -name '*.[ch]')

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability --inline-suppr \
	    --suppress=missingIncludeSystem --suppress=unknownMacro -Isrc src
	clang-tidy --quiet $$(find src -name '*.c') -- $(CFLAGS) 2>/dev/null

compdb:
	bear -- $(MAKE) -B all

bench: all
	bench/http-vs-nginx.sh

clean:
	rm -rf build

-include $(shell find $(B) -name '*.d' 2>/dev/null)
