# lcm - GNU make, out-of-tree build in build/ (build-san/ with SANITIZE).
#
#   make                  build liblcm.a and every program
#   make check            unit tests (cmocka) and CLI golden tests
#   make check SANITIZE=address,undefined
#   make check-valgrind   the same tests under valgrind
#   make fuzz             each libFuzzer harness for FUZZ_SECONDS (30)
#   make demo             import the bundled sample community and show it
#   make install PREFIX=/usr DESTDIR=pkg
#   make completions      bash, zsh and fish completions (build/completions)
#   make deb              a Debian package (build/lcm_VERSION_ARCH.deb)
#
# Missing Debian packages are installed by scripts/deps.sh on first use.

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
EXAMPLEDIR ?= $(PREFIX)/share/doc/lcm/examples
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
CFLAGS  ?= -O2 -g
WERROR  ?= -Werror
CSV_LIBS ?= -lcsv

# BUILD names another build directory (two builds side by side).
BUILD ?= build
B := $(BUILD)$(if $(SANITIZE),-san)

WARN := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wvla -Wwrite-strings -Wformat=2 $(WERROR)
SANFLAGS := $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all)

PROGS := $(patsubst cmd/%.c,%,$(wildcard cmd/*.c))
LIBSRC := $(wildcard lib/*.c lib/*/*.c)
LIBOBJ := $(patsubst %.c,$(B)/%.o,$(LIBSRC))
UNITSRC := $(wildcard tests/unit/test_*.c)
UNITBIN := $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNITSRC))
MANPAGES := $(wildcard man/*.[0-9])

# Library flags come from pkg-config once the packages are there.
ifeq ($(filter clean distclean,$(MAKECMDGOALS)),)
-include $(B)/config.mk
endif

# Each wing of lib/ is a folder; its headers are included by name.
WINGS := $(patsubst %/,%,$(wildcard lib/*/))
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DLCM_VERSION='"$(VERSION)"' -iquote lib \
	$(addprefix -iquote ,$(WINGS)) $(DEP_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(WARN) $(SANFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
LIBS = $(DEP_LIBS) $(CSV_LIBS) -lm

.PHONY: completions install-examples deb evaluate all check check-unit check-cli check-update check-valgrind check-valgrind-unit check-valgrind-cli lint install uninstall clean demo bench asan valgrind fuzz
.SUFFIXES:
.SECONDARY:

all: $(addprefix $(B)/bin/,$(PROGS))

$(B)/config.mk: scripts/deps.sh
	@mkdir -p $(B)
	@sh scripts/deps.sh
	@{ echo "DEP_CFLAGS = $$(pkg-config --cflags sqlite3 jansson zlib expat libzip)"; \
	   echo "DEP_LIBS = $$(pkg-config --libs sqlite3 jansson zlib expat libzip) -lstemmer"; \
	   echo "CMOCKA_CFLAGS = $$(pkg-config --cflags cmocka)"; \
	   echo "CMOCKA_LIBS = $$(pkg-config --libs cmocka)"; } > $@.tmp && mv $@.tmp $@

$(B)/liblcm.a: $(LIBOBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/%.o: %.c $(B)/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/bin/%: $(B)/cmd/%.o $(B)/liblcm.a
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(B)/liblcm.a $(LIBS)

$(B)/tests/%.o: tests/unit/%.c $(B)/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes -MMD -MP -c -o $@ $<

$(B)/tests/test_%: $(B)/tests/test_%.o $(B)/liblcm.a
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(B)/liblcm.a $(CMOCKA_LIBS) $(LIBS)

check: check-unit check-cli

check-unit: $(UNITBIN)
	@sh tests/run-unit.sh $(UNITBIN)

check-cli: all
	@sh tests/cli/run.sh $(B)/bin

# Rewrites the golden files from the current programs (all, or CASES="lcm-import/usage"):
# review with git diff.
check-update: all
	@LCM_UPDATE=1 sh tests/cli/run.sh $(B)/bin $(CASES)

asan:
	$(MAKE) check SANITIZE=address,undefined

# The unit and CLI tests with every test program and lcm program under
# valgrind: a memory error or a definite leak fails the test. The
# reliability cases generate smaller inputs there (LCM_VALGRIND=1). With
# -j2 the unit tests and the CLI tests run side by side. `make valgrind`
# is the old name.
check-valgrind: check-valgrind-unit check-valgrind-cli

check-valgrind-unit: $(UNITBIN)
	@command -v valgrind >/dev/null || { echo "no valgrind: apt-get install valgrind" >&2; exit 2; }
	@LCM_VALGRIND=1 sh tests/run-unit.sh $(UNITBIN)

check-valgrind-cli: all
	@command -v valgrind >/dev/null || { echo "no valgrind: apt-get install valgrind" >&2; exit 2; }
	@LCM_VALGRIND=1 sh tests/cli/run.sh $(B)/bin

valgrind: check-valgrind

# libFuzzer harnesses (clang, installed when missing), FUZZ_SECONDS each,
# libFuzzer's random seed FUZZ_SEED (fixed: a run can be made again).
FUZZ_SECONDS ?= 30
FUZZ_SEED ?= 1
fuzz: $(B)/config.mk
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SEED=$(FUZZ_SEED) sh tests/fuzz/run.sh

lint: $(B)/config.mk
	mandoc -Tlint -W warning $(MANPAGES)

demo: all
	@sh scripts/demo.sh $(B)/bin

bench: all
	@sh scripts/bench $(B)/bin

# lcm's judgements against real outcomes (../shared/fixtures: OULAD, a
# StackExchange dump): at-risk flags and suggested answerers.
evaluate: all
	@sh scripts/evaluate $(B)/bin
	@sh scripts/eval-similar $(B)/bin

# bash, zsh and fish completions, from each program's option table
completions: all
	sh scripts/completions $(B)/bin $(B)/completions

install: completions install-examples
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGS); do cp $(B)/bin/$$p $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MANPAGES); do s=$${m##*.}; cp $$m $(DESTDIR)$(MANDIR)/man$$s/; done
	mkdir -p $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	for p in $(PROGS); do \
		cp $(B)/completions/bash/$$p $(DESTDIR)$(BASHCOMPDIR)/$$p; \
		cp $(B)/completions/zsh/_$$p $(DESTDIR)$(ZSHCOMPDIR)/_$$p; \
		cp $(B)/completions/fish/$$p.fish $(DESTDIR)$(FISHCOMPDIR)/$$p.fish; \
	done

# the crontab and systemd units, nudge templates, a catalogue, the sample
install-examples:
	mkdir -p $(DESTDIR)$(EXAMPLEDIR)/nudge $(DESTDIR)$(EXAMPLEDIR)/sample
	cp scripts/examples/README scripts/examples/crontab scripts/examples/*.service \
		scripts/examples/*.timer $(DESTDIR)$(EXAMPLEDIR)/
	cp scripts/nudge/*.txt $(DESTDIR)$(EXAMPLEDIR)/nudge/
	cp tests/data/lcm-pathway/catalogue.csv $(DESTDIR)$(EXAMPLEDIR)/
	cp scripts/sample/users.csv scripts/sample/logs.csv scripts/sample/forum_annonces.csv \
		scripts/sample/forum_questions.csv scripts/sample/forum_cafe.csv \
		scripts/sample/README.md $(DESTDIR)$(EXAMPLEDIR)/sample/

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MANPAGES); do s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done
	rm -rf $(DESTDIR)$(EXAMPLEDIR)
	for p in $(PROGS); do rm -f $(DESTDIR)$(BASHCOMPDIR)/$$p $(DESTDIR)$(ZSHCOMPDIR)/_$$p \
		$(DESTDIR)$(FISHCOMPDIR)/$$p.fish; done

# a Debian package of the programs, man pages and examples (scripts/deb)
deb: all
	sh scripts/deb/build $(B) $(VERSION)

clean:
	rm -rf build build-san

-include $(LIBOBJ:.o=.d) $(patsubst cmd/%.c,$(B)/cmd/%.d,$(wildcard cmd/*.c)) $(UNITBIN:=.d)
