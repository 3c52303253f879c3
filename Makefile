# MANGU Publishing: one C server (`mangu`), its web client and its tests.
# Targets: all run test test-unit test-asan test-http test-e2e asan fmt lint compdb bench clean

CC      ?= gcc
CORE_PKGS  := libmicrohttpd jansson sqlite3 libpq hiredis libsodium libjwt libcurl openssl
MEDIA_PKGS := libmagic libzip libxml-2.0 vips libqpdf
PKGS    := $(CORE_PKGS) $(MEDIA_PKGS)
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
           -Wno-unused-parameter -Isrc -Ibuild/gen \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -MMD -MP
CORE_LIBS  := $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null) -lzxcvbn -lm -lpthread
MEDIA_LIBS := $(shell pkg-config --libs $(MEDIA_PKGS) 2>/dev/null)
LDLIBS  := $(CORE_LIBS) $(MEDIA_LIBS)
ifeq ($(CI),true)
override CFLAGS += -Werror
endif

B        := build
# The code that needs the media libraries becomes mangu-media.so, which the server loads on
# first use (src/media/module.h); unit tests link it directly from libmangu-media.a.
MEDIA_SRC := $(addprefix src/media/,media.c sniff.c xml.c epub.c ocf.c opf.c pdf.c image.c \
             epub_build.c module_export.c)
SRC      := $(filter-out src/main.c src/media/loader.c $(MEDIA_SRC),$(shell find src -name '*.c' | sort))
OBJ      := $(SRC:%.c=$(B)/%.o) $(B)/gen/migrations.o $(B)/gen/openapi.o
LIB      := $(B)/libmangu.a
MEDIA_LIB := $(B)/libmangu-media.a
MEDIA_MOD := $(B)/mangu-media.so
ALL_LIBS := -Wl,--start-group $(LIB) $(MEDIA_LIB) -Wl,--end-group
SERVER_OBJ := $(B)/src/main.o $(B)/src/media/loader.o
TEST_SRC := $(shell find tests/unit -name 'test_*.c' 2>/dev/null | sort)
TESTS    := $(TEST_SRC:%.c=$(B)/%)
MIGRATIONS := $(sort $(wildcard sql/migrations/*.sql))

.PHONY: all run test test-unit test-asan test-http test-e2e asan fmt lint compdb bench clean \
        bootstrap bootstrap-test web

all: $(B)/mangu $(B)/mangu-test $(MEDIA_MOD) $(B)/tests/sigv4-cli web

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

$(MEDIA_LIB): $(MEDIA_SRC:%.c=$(B)/%.o)
	@rm -f $@
	ar rcs $@ $^

# Position-independent, and hidden but for the module's table.
$(B)/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

$(MEDIA_MOD): $(MEDIA_SRC:%.c=$(B)/pic/%.o)
	$(CC) $(LDFLAGS) -shared -o $@ $^ $(MEDIA_LIBS)

# The server's functions the module calls: kept in the binary (-u) and exported to it.
$(B)/media-exports.list: $(MEDIA_SRC:%.c=$(B)/pic/%.o) $(LIB)
	nm -u $(MEDIA_SRC:%.c=$(B)/pic/%.o) | awk 'NF == 2 {print $$2}' | sort -u > $@.undef
	nm -g --defined-only $(LIB) | awk 'NF == 3 {print $$3}' | sort -u > $@.def
	comm -12 $@.undef $@.def > $@.syms
	awk '{print "-Wl,-u," $$1}' $@.syms > $(B)/media-exports.rsp
	{ echo '{'; sed 's/$$/;/' $@.syms; echo '};'; } > $@
	rm -f $@.undef $@.def $@.syms

SERVER_LINK = @$(B)/media-exports.rsp -Wl,--dynamic-list=$(B)/media-exports.list

$(B)/mangu: $(SERVER_OBJ) $(LIB) $(B)/media-exports.list | $(MEDIA_MOD)
	$(CC) $(LDFLAGS) $(SERVER_LINK) -o $@ $(SERVER_OBJ) $(LIB) $(CORE_LIBS)

# The test build adds routes that must never ship (a slow route for drain tests).
$(B)/test-routes/routes.o: src/api/routes.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DMANGU_TEST_ROUTES -c $< -o $@

$(B)/mangu-test: $(SERVER_OBJ) $(B)/test-routes/routes.o $(LIB) $(B)/media-exports.list | $(MEDIA_MOD)
	$(CC) $(LDFLAGS) $(SERVER_LINK) -o $@ $(SERVER_OBJ) $(B)/test-routes/routes.o $(LIB) $(CORE_LIBS)

# The S3 driver's presigner on the command line, for tests/http/3000-sigv4 (against the AWS SDK).
$(B)/tests/sigv4-cli: tests/unit/blob/sigv4_cli.c $(LIB) $(MEDIA_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(ALL_LIBS) $(LDLIBS)

$(B)/tests/unit/%: tests/unit/%.c $(LIB) $(MEDIA_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(ALL_LIBS) $(LDLIBS) -lcmocka

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
