/* folio: command line, modes, and the only place that prints errors and
 * chooses the exit status (0 success, 1 usage, 2 document or system). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bookmarks.h"
#include "buf.h"
#include "document.h"
#include "guide.h"
#include "indexer.h"
#include "library.h"
#include "libview.h"
#include "outline.h"
#include "output.h"
#include "pager.h"
#include "screen.h"
#include "search.h"
#include "settings.h"
#include "text.h"
#include "xalloc.h"

#define EXIT_USAGE 1
#define EXIT_TROUBLE 2
#define DEFAULT_PRINT_WIDTH 80

enum mode {
	MODE_DEFAULT,
	MODE_OUTLINE,
	MODE_TOC,
	MODE_PRINT,
	MODE_RECENT,
	MODE_FORGET,
	MODE_COUNT
};

struct options {
	enum mode mode;
	enum doc_format format;
	const char *section;
	int width;
	bool raw;
	bool no_bookmarks;
	const char *config;
	const char *pattern;    /* --count */
};

static void
usage(FILE *f)
{
	fputs("Usage: folio [OPTION]... [FILE]\n"
	    "   or: folio [OPTION]... DIR | FILE FILE...\n"
	    "Read a long technical article in the terminal, by its sections.\n"
	    "On a terminal, FILE opens in the reader (press h there for the\n"
	    "keys); otherwise it is printed.  With no FILE, read standard input\n"
	    "when it is not a terminal, and open the built-in guide when it is.\n"
	    "FILE - is standard input.  A folder, or several files, open a\n"
	    "library to choose from (gzip, xz and zstd files open directly).\n"
	    "A pipe slow to end is shown as it comes; F follows it, or a file\n"
	    "as it grows.\n"
	    "\n"
	    "  -o, --outline        print LEVEL<TAB>LINE<TAB>TITLE per heading\n"
	    "  -t, --toc            print the table of contents as a tree\n"
	    "  -p, --print          print the document wrapped (the default\n"
	    "                       when standard output is not a terminal)\n"
	    "  -s, --section=N|TEXT only section N (1-based, --outline order)\n"
	    "                       or the first whose title contains TEXT\n"
	    "  -w, --width=N        wrap at N columns (reader: 100 at most;\n"
	    "                       printing: the terminal width, or 80)\n"
	    "  -f, --format=FORMAT  markdown, asciidoc, rst or plain (default:\n"
	    "                       from the file name, then the content)\n"
	    "      --raw            write control characters and escape\n"
	    "                       sequences as they are, not as markers\n"
	    "      --no-bookmarks   neither restore nor save the reading\n"
	    "                       position\n"
	    "      --config=FILE    read the reader's settings from FILE\n"
	    "                       (default: $FOLIO_CONFIG, else\n"
	    "                       ~/.config/folio/config)\n"
	    "      --recent         list the documents read, newest first:\n"
	    "                       PATH, TITLE, SECTION, PERCENT, TIME\n"
	    "                       separated by tabs\n"
	    "      --forget         forget FILE's reading position and marks\n"
	    "      --count=PATTERN  print how many matches of PATTERN (as / in\n"
	    "                       the reader: PCRE2, smart case) FILE has\n"
	    "  -h, --help           show this help and exit\n"
	    "  -V, --version        show the version and exit\n"
	    "\n"
	    "Exit status: 0 success, 1 usage error, 2 document or system error.\n",
	    f);
}

static void
version(void)
{
	printf("folio %s\n"
	    "Copyright (C) 2026 the folio developers.\n"
	    "License: MIT <https://opensource.org/licenses/MIT>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n",
	    PACKAGE_VERSION);
}

/* One message on standard error, "folio: " first.  File names, titles
 * and patterns come from outside: their control characters are shown as
 * markers, never sent to the terminal. */
static void
say(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static void
say(const char *fmt, ...)
{
	struct buf b = BUF_INIT, clean = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	text_clean(&clean, buf_str(&b), 0, b.len,
	    TEXT_CLEAN_MARKERS | TEXT_CLEAN_LITERAL);
	fprintf(stderr, "folio: %s\n", buf_str(&clean));
	buf_fini(&b);
	buf_fini(&clean);
}

static int
bad_usage(const char *fmt, const char *arg)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, fmt, arg);
	say("%s", buf_str(&b));
	buf_fini(&b);
	fputs("Try 'folio --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

static int
parse_width(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *s == '\0' || *end != '\0' || v < SETTINGS_WIDTH_MIN ||
	    v > SETTINGS_WIDTH_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

/* Returns -1 to go on, or an exit status. */
static int
parse_options(int argc, char **argv, struct options *opt)
{
	static const struct option longopts[] = {
		{ "outline", no_argument, NULL, 'o' },
		{ "toc", no_argument, NULL, 't' },
		{ "print", no_argument, NULL, 'p' },
		{ "section", required_argument, NULL, 's' },
		{ "width", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "raw", no_argument, NULL, 'R' },
		{ "no-bookmarks", no_argument, NULL, 'B' },
		{ "config", required_argument, NULL, 'C' },
		{ "recent", no_argument, NULL, 'r' },
		{ "forget", no_argument, NULL, 'F' },
		{ "count", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(opt, 0, sizeof *opt);
	opt->format = FORMAT_AUTO;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":otps:w:f:hV", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'o': opt->mode = MODE_OUTLINE; break;
		case 't': opt->mode = MODE_TOC; break;
		case 'p': opt->mode = MODE_PRINT; break;
		case 's': opt->section = optarg; break;
		case 'R': opt->raw = true; break;
		case 'B': opt->no_bookmarks = true; break;
		case 'C': opt->config = optarg; break;
		case 'r': opt->mode = MODE_RECENT; break;
		case 'F': opt->mode = MODE_FORGET; break;
		case 'c':
			opt->mode = MODE_COUNT;
			opt->pattern = optarg;
			break;
		case 'w':
			if (parse_width(optarg, &opt->width) != 0)
				return bad_usage("invalid width '%s': give a "
				    "number of columns from 10 to 1000", optarg);
			break;
		case 'f':
			if (format_from_name(optarg, &opt->format) != 0)
				return bad_usage("unknown format '%s': use "
				    "markdown, asciidoc, rst or plain", optarg);
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			version();
			return 0;
		case ':':
			return bad_usage("option '%s' needs an argument",
			    argv[optind - 1]);
		default:
			return bad_usage("unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	return -1;
}

static int
terminal_width(int fd)
{
	struct winsize ws;

	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return DEFAULT_PRINT_WIDTH;
}

/* A pipe that is slow to end (a long man page, a download) leaves the
 * terminal as it was until the whole document is in: say what folio is
 * waiting for, on one line that the reader's screen then replaces. */
static volatile sig_atomic_t told_reading;

static void
tell_reading(size_t so_far)
{
	char size[32];

	document_size_name(size, sizeof size, so_far);
	fprintf(stderr, "\rfolio: reading, %s so far (^C quits)\033[K", size);
	fflush(stderr);
	told_reading = true;
}

/* ^C while reading: the notice goes with folio. */
static void
stop_reading(int sig)
{
	static const char erase[] = "\r\033[K";

	if (told_reading)
		(void)!write(STDERR_FILENO, erase, sizeof erase - 1);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The document to read; tell: say so on the terminal while a pipe is
 * slow to end; stream: show a pipe before its end (the reader). */
static int
open_input(int argc, char **argv, struct document *doc, bool tell,
    bool stream)
{
	struct err err;
	const char *path;
	int rc;

	if (argc - optind > 1) {
		bad_usage("%s", "one FILE at a time");
		return EXIT_USAGE;
	}
	if (argc - optind == 1)
		path = argv[optind];
	else if (!isatty(STDIN_FILENO))
		path = "-";
	else {
		document_init_static(doc, folio_guide, folio_guide_len,
		    "folio guide");
		return -1;
	}
	if (tell) {
		document_on_slow_read(tell_reading);
		/* unless ^C is ignored (as folio was started) */
		if (signal(SIGINT, stop_reading) == SIG_IGN)
			signal(SIGINT, SIG_IGN);
	}
	if (stream && strcmp(path, "-") == 0)
		rc = document_read_stream(doc, STDIN_FILENO, "(stdin)", &err);
	else
		rc = document_open(doc, path, &err);
	if (tell) {
		document_on_slow_read(NULL);
		if (signal(SIGINT, SIG_DFL) == SIG_IGN)
			signal(SIGINT, SIG_IGN);
	}
	if (told_reading)
		fputs("\r\033[K", stderr);
	if (rc != 0) {
		say("%s", err.msg);
		return EXIT_TROUBLE;
	}
	document_guard(doc);
	return -1;
}

static void
print_warning(struct bookmarks *bm)
{
	const char *w;

	if (bm != NULL && (w = bookmarks_warning(bm)) != NULL)
		say("%s", w);
}

/* The reader's configuration; its bad lines are said on standard error
 * too, which shows again after quitting. */
static void
load_settings(const struct options *opt, struct settings *set)
{
	char *conf = opt->config != NULL ? xstrdup(opt->config)
	    : settings_default_path();

	settings_init(set);
	if (conf != NULL && settings_load(set, conf, opt->config != NULL) > 0) {
		const char *w = buf_str(&set->warnings);
		int n;

		for (; *w != '\0'; w += n + 1) {
			n = (int)strcspn(w, "\n");
			say("%.*s", n, w);
		}
	}
	free(conf);
}

/* Is this run a library: several files, or a folder, for the reader? */
static bool
wants_library(const struct options *opt, int argc, char **argv)
{
	struct stat st;

	if (opt->mode != MODE_DEFAULT || !isatty(STDOUT_FILENO))
		return false;
	if (argc - optind > 1)
		return true;
	return argc - optind == 1 && stat(argv[optind], &st) == 0 &&
	    S_ISDIR(st.st_mode);
}

static int
run_library(const struct options *opt, int argc, char **argv)
{
	struct libview_options lo = { .measure = opt->width };
	struct library l;
	struct settings set;
	struct err err;
	int rc = 0;

	library_init(&l);
	if (!opt->no_bookmarks)
		lo.bm = bookmarks_open(NULL);
	if (argc - optind == 1) {
		if (library_scan(&l, argv[optind], lo.bm, &err) != 0) {
			say("%s", err.msg);
			bookmarks_close(lo.bm);
			library_fini(&l);
			return EXIT_TROUBLE;
		}
	} else {
		library_files(&l, argv + optind, argc - optind, lo.bm);
		lo.several = true;
		lo.files = argv + optind;
		lo.nfiles = argc - optind;
		lo.label = "Files given";
	}
	load_settings(opt, &set);
	lo.set = &set;
	if (libview_run(&l, &lo, &err) != 0) {
		say("%s", err.msg);
		rc = EXIT_TROUBLE;
	}
	print_warning(lo.bm);
	bookmarks_close(lo.bm);
	settings_fini(&set);
	library_fini(&l);
	if (rc == 0)
		screen_reraise();
	return rc;
}

/* ix: the worker that builds o in the background, or NULL (o is
 * complete); grow_ix builds it again when doc grows (ix itself, or one
 * not started). */
static int
run_pager(const struct options *opt, struct document *doc,
    struct outline *o, struct indexer *ix, struct indexer *grow_ix)
{
	struct pager_options po = { .measure = opt->width, .section = -1 };
	struct settings set;
	struct doc_key key;
	char *canon = NULL;
	struct err err;
	int rc = 0;

	if (opt->section != NULL) {
		po.section = outline_lookup(o, opt->section);
		if (po.section < 0) {
			say("%s: no section matches '%s'",
			    doc->name, opt->section);
			return EXIT_USAGE;
		}
	}
	load_settings(opt, &set);
	po.set = &set;
	if (!opt->no_bookmarks) {
		/* the fingerprint waits for the first screen (pager.c) */
		bookmarks_key_later(&key, doc, &canon);
		po.bm = bookmarks_open(NULL);
		po.key = &key;
		/* while the outline is built, it is found when saving */
		po.title = ix != NULL ? NULL : outline_doc_title(o, doc);
	}
	po.ix = ix;
	/* a pipe still being read grows; a file may, followed with F */
	if (document_growing(doc) || document_can_grow(doc)) {
		po.grow_doc = doc;
		po.grow_o = o;
		po.grow_ix = grow_ix;
		po.format = opt->format;
	}
	if (pager_run(doc, o, &po, &err) != 0) {
		say("%s", err.msg);
		rc = EXIT_TROUBLE;
	}
	print_warning(po.bm);
	bookmarks_close(po.bm);
	settings_fini(&set);
	free(canon);
	if (rc == 0)
		screen_reraise();
	return rc;
}

static void
print_recent(const struct recent *r, void *arg)
{
	output_recent(stdout, r, *(const bool *)arg);
}

static int
run_recent(const struct options *opt, int argc)
{
	struct bookmarks *bm;
	int rc;

	if (argc - optind > 0) {
		bad_usage("%s", "--recent takes no FILE");
		return EXIT_USAGE;
	}
	bm = bookmarks_open(NULL);
	rc = bookmarks_recent(bm, print_recent, (void *)&opt->raw);
	print_warning(bm);
	bookmarks_close(bm);
	return rc == 0 ? 0 : EXIT_TROUBLE;
}

static int
run_forget(int argc, char **argv)
{
	struct document doc;
	struct fingerprint fp;
	struct bookmarks *bm;
	struct err err;
	char *canon;
	bool have_fp = false;
	int n;

	if (argc - optind != 1) {
		bad_usage("%s", "--forget needs one FILE");
		return EXIT_USAGE;
	}
	canon = bookmarks_canonical_path(argv[optind]);
	if (document_open(&doc, argv[optind], &err) == 0) {
		document_fingerprint(&doc, &fp);
		have_fp = true;
		document_fini(&doc);
	}
	bm = bookmarks_open(NULL);
	n = bookmarks_forget(bm, canon != NULL ? canon : argv[optind],
	    have_fp ? &fp : NULL);
	print_warning(bm);
	bookmarks_close(bm);
	free(canon);
	if (n < 0)
		return EXIT_TROUBLE;
	if (n == 0) {
		say("%s: no reading position to forget",
		    argv[optind]);
		return EXIT_USAGE;
	}
	return 0;
}

/* --count: the matches the reader's / would count, over the whole
 * document. */
static int
run_count(const struct options *opt, const struct document *doc)
{
	struct search sr;
	char msg[SEARCH_MSG_MAX];
	int rc;

	search_init(&sr);
	if ((rc = search_compile(&sr, opt->pattern, doc, msg)) != 0) {
		say("%s", msg);
		search_fini(&sr);
		/* a bad pattern is the user's; a missing library, trouble */
		return rc == -2 ? EXIT_TROUBLE : EXIT_USAGE;
	}
	printf("%zu%s\n", sr.n, sr.capped ? "+" : "");
	search_fini(&sr);
	return 0;
}

/* Is the document read in the pager (not printed)? */
static bool
in_pager(const struct options *opt)
{
	return opt->mode == MODE_DEFAULT && isatty(STDOUT_FILENO);
}


/* Reading a large document, the pager shows it before its outline is
 * complete: a worker builds it meanwhile. */
static bool
index_in_background(const struct options *opt, const struct document *doc)
{
	return in_pager(opt) && opt->section == NULL &&
	    (indexer_wanted(doc->len) || document_growing(doc));
}

static int
run(const struct options *opt, struct document *doc, struct outline *o)
{
	size_t start = 0, end = doc->len;
	int width = opt->width ? opt->width : terminal_width(STDOUT_FILENO);

	if (in_pager(opt)) {
		struct indexer ix;

		/* a complete outline leaves it unstarted, for a file that
		 * grows to be outlined again on */
		indexer_init(&ix, o, doc);
		return run_pager(opt, doc, o, index_in_background(opt, doc)
		    ? &ix : NULL, &ix);
	}
	if (opt->mode == MODE_OUTLINE) {
		output_outline(stdout, o, opt->raw);
		return 0;
	}
	if (opt->mode == MODE_TOC) {
		output_toc(stdout, o, opt->raw);
		return 0;
	}
	if (opt->mode == MODE_COUNT)
		return run_count(opt, doc);
	if (opt->section != NULL) {
		long i = outline_lookup(o, opt->section);

		if (i < 0) {
			say("%s: no section matches '%s'",
			    doc->name, opt->section);
			return EXIT_USAGE;
		}
		start = o->h[i].offset;
		end = outline_section_end(o, (size_t)i, doc->len);
		while (end > start && strchr(" \t\r\n", doc->data[end - 1]))
			end--;
	}
	output_print(stdout, doc, o, start, end, width, opt->raw);
	return 0;
}

int
main(int argc, char **argv)
{
	struct options opt;
	struct document doc;
	struct outline o;
	int rc;

	/* Only the character set and messages: loading every category costs
	 * more than half a millisecond before the first screen, and folio
	 * formats no numbers, dates or sort orders by locale. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	/* A full disk or a file size limit fails the write, not folio. */
	signal(SIGXFSZ, SIG_IGN);
	rc = parse_options(argc, argv, &opt);
	if (rc >= 0)
		return rc;
	if (opt.mode == MODE_RECENT)
		return run_recent(&opt, argc);
	if (opt.mode == MODE_FORGET)
		return run_forget(argc, argv);
	if (wants_library(&opt, argc, argv))
		return run_library(&opt, argc, argv);
	rc = open_input(argc, argv, &doc,
	    in_pager(&opt) && isatty(STDERR_FILENO),
	    in_pager(&opt) && opt.section == NULL);
	if (rc >= 0)
		return rc;
	/* nothing came down the pipe (git diff with no change, when folio
	 * is git's pager): nothing to read, as less -F says */
	if (in_pager(&opt) && doc.path == NULL && doc.len == 0) {
		document_fini(&doc);
		return EXIT_SUCCESS;
	}
	outline_init(&o);
	/* searching and printing read every byte of the mapping; an outline
	 * reads the file through a buffer and only its headings there */
	if (opt.mode == MODE_COUNT || opt.mode == MODE_PRINT)
		document_will_read_all(&doc);
	/* the reader shows a few titles at a time: no need to copy them */
	o.titles_in_doc = in_pager(&opt);
	if (index_in_background(&opt, &doc))
		outline_prepare(&o, &doc, opt.format);
	else if (opt.mode != MODE_COUNT) /* counting needs no outline */
		outline_build(&o, &doc, opt.format);
	/* the reader says so on its status line */
	if (o.missing != NULL && !in_pager(&opt))
		say("%s", o.missing);
	rc = run(&opt, &doc, &o);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		say("standard output: %s", strerror(errno));
		rc = EXIT_TROUBLE;
	}
	outline_fini(&o);
	document_fini(&doc);
	return rc;
}
