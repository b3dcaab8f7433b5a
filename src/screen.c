/* The screen (see screen.h): ncurses drawing of the TOC, text and status
 * line; keys and mouse; terminal restoration on signals and fatal errors. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "library.h"
#include "lineedit.h"
#include "screen.h"
#include "search.h"
#include "text.h"
#include "xalloc.h"

#define RUN_MAX 256

/* Colour pairs: one per styled element (settings.h), then the
 * document's own colours. */
#define PAIR_ELEMENT 1
#define PAIR_DYNAMIC (PAIR_ELEMENT + STYLE_COUNT)

/* Document colours (SGR) get pairs on demand, up to this many. */
#define DYNAMIC_PAIRS 64

static volatile sig_atomic_t screen_signal;
static bool screen_is_active;
static struct {
	short fg, bg;
} dyn[DYNAMIC_PAIRS];
static int ndyn;

static void
on_fatal(int sig)
{
	if (screen_is_active)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * INT, TERM and HUP are only noted: the reader sees the note between two
 * keys (or in its long loops), saves the place and dies of the signal.
 * Should it be stuck in some long work that does not look (a bug, a
 * search with a pathological pattern), the note must not be all: a
 * second such signal, or the first one unseen for SCREEN_SIGNAL_GRACE
 * seconds, restores the terminal and dies at once, as on a crash (the
 * place is not saved then; the store stays whole).
 */
#define SCREEN_SIGNAL_GRACE 1

static void
on_terminate(int sig)
{
	if (screen_signal != 0) {
		on_fatal(sig);
		return;
	}
	screen_signal = sig;
	alarm(SCREEN_SIGNAL_GRACE);
}

static void
on_unseen(int sig)
{
	(void)sig;
	if (screen_signal != 0)
		on_fatal(screen_signal);
}

bool
screen_interrupted(void)
{
	if (screen_signal == 0)
		return false;
	alarm(0); /* seen: the reader is on its way out */
	return true;
}

void
screen_reraise(void)
{
	int sig = screen_signal;

	if (sig == 0)
		return;
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
install_signals(void)
{
	struct sigaction sa;
	static const int term[] = { SIGINT, SIGTERM, SIGHUP };
	static const int fatal[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL };
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_terminate;
	for (i = 0; i < sizeof term / sizeof term[0]; i++)
		sigaction(term[i], &sa, NULL);
	sa.sa_handler = on_unseen;
	sigaction(SIGALRM, &sa, NULL);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
}

static void
init_colors(struct screen *s)
{
	const char *nc = getenv("NO_COLOR");
	int e;

	s->color = has_colors() && (nc == NULL || *nc == '\0');
	if (!s->color)
		return;
	start_color();
	use_default_colors();
	for (e = 0; e < STYLE_COUNT; e++) {
		int fg = s->style[e].fg, bg = s->style[e].bg;

		init_pair((short)(PAIR_ELEMENT + e),
		    (short)(fg >= COLORS ? fg % 8 : fg),
		    (short)(bg >= COLORS ? bg % 8 : bg));
	}
	ndyn = 0;
}

int
screen_init(struct screen *s, const struct settings *set, struct err *err)
{
	FILE *in = stdin;
	SCREEN *scr;
	const char *term = getenv("TERM");
	bool mouse = set->mouse;

	memset(s, 0, sizeof *s);
	memcpy(s->style, set->style, sizeof s->style);
	if (!isatty(STDIN_FILENO)) {
		s->tty = fopen("/dev/tty", "r");
		if (s->tty == NULL) {
			err_set(err, "/dev/tty: cannot read keys: %s",
			    strerror(errno));
			return -1;
		}
		in = s->tty;
	}
	scr = newterm(NULL, stdout, in);
	if (scr == NULL) {
		err_set(err, "cannot use the terminal '%s'",
		    term != NULL ? term : "(TERM is not set)");
		if (s->tty != NULL)
			fclose(s->tty);
		return -1;
	}
	set_term(scr);
	/* ncurses (6.4) sends its output at every cursor move until it has
	 * been suspended once: a screen update took 30 to 100 write()s.
	 * Suspended and resumed at once, as after C-z and fg, it sends each
	 * update in one go.  Nothing is sent yet: the switch to the
	 * alternate screen and back goes in one write, never seen. */
	endwin();
	refresh();
	s->active = screen_is_active = true;
	install_signals();
	s->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	init_colors(s);
	s->mouse = mouse;
	if (mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
		    BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	return 0;
}

void
screen_fini(struct screen *s)
{
	if (!s->active)
		return;
	endwin();
	s->active = screen_is_active = false;
	if (s->tty != NULL)
		fclose(s->tty);
	s->tty = NULL;
}

void
screen_size(const struct screen *s, int *cols, int *rows)
{
	(void)s;
	*cols = COLS;
	*rows = LINES;
}

void
screen_redraw(struct screen *s)
{
	(void)s;
	clearok(curscr, TRUE);
}

/* A colour pair for a document's SGR colours, or 0 when out of pairs. */
static short
dynamic_pair(const struct screen *s, int fg, int bg)
{
	int i;

	if (!s->color || (fg < 0 && bg < 0))
		return 0;
	if (fg >= COLORS)
		fg = fg % 8;
	if (bg >= COLORS)
		bg = bg % 8;
	for (i = 0; i < ndyn; i++)
		if (dyn[i].fg == fg && dyn[i].bg == bg)
			return (short)(PAIR_DYNAMIC + i);
	if (ndyn >= DYNAMIC_PAIRS || PAIR_DYNAMIC + ndyn >= COLOR_PAIRS)
		return 0;
	dyn[ndyn].fg = (short)fg;
	dyn[ndyn].bg = (short)bg;
	init_pair((short)(PAIR_DYNAMIC + ndyn), (short)fg, (short)bg);
	return (short)(PAIR_DYNAMIC + ndyn++);
}

static attr_t
attr_bits(uint8_t bits)
{
	attr_t a = A_NORMAL;

	if (bits & TEXT_BOLD)
		a |= A_BOLD;
	if (bits & TEXT_UNDERLINE)
		a |= A_UNDERLINE;
	if (bits & TEXT_REVERSE)
		a |= A_REVERSE;
	if (bits & TEXT_DIM)
		a |= A_DIM;
#ifdef A_ITALIC
	if (bits & TEXT_ITALIC)
		a |= A_ITALIC;
#endif
	return a;
}

/* The attributes and colour pair of a screen element, from the
 * configuration.  Without colours, an element styled by colours alone
 * falls back to reverse video (the current match: also bold and
 * underlined, to tell it from the others). */
static attr_t
element(const struct screen *s, enum style_element e, short *pair)
{
	const struct style *st = &s->style[e];
	attr_t a = attr_bits(st->attr);
	bool colored = st->fg != STYLE_DEFAULT_COLOR ||
	    st->bg != STYLE_DEFAULT_COLOR;

	*pair = s->color && colored ? (short)(PAIR_ELEMENT + e) : 0;
	if (!s->color && colored && a == A_NORMAL &&
	    (e == STYLE_MATCH || e == STYLE_MATCH_CURRENT))
		a = e == STYLE_MATCH ? A_REVERSE
		    : A_REVERSE | A_BOLD | A_UNDERLINE;
	return a;
}

static attr_t
style_attr(const struct text_style *st)
{
	attr_t a = A_NORMAL;

	if (st->attr & TEXT_BOLD)
		a |= A_BOLD;
	if (st->attr & TEXT_UNDERLINE)
		a |= A_UNDERLINE;
	if (st->attr & TEXT_REVERSE)
		a |= A_REVERSE;
	if (st->attr & TEXT_DIM)
		a |= A_DIM;
#ifdef A_ITALIC
	if (st->attr & TEXT_ITALIC)
		a |= A_ITALIC;
#endif
	return a;
}

struct run {
	wchar_t w[RUN_MAX + 1];
	int n;
	attr_t attr;
	short pair;
};

static void
run_flush(struct run *r)
{
	if (r->n == 0)
		return;
	r->w[r->n] = L'\0';
	attr_set(r->attr, r->pair, NULL);
	addnwstr(r->w, r->n);
	r->n = 0;
}

static void
run_put(struct run *r, wchar_t c, attr_t attr, short pair)
{
	if (r->n > 0 && (r->attr != attr || r->pair != pair))
		run_flush(r);
	if (r->n >= RUN_MAX - 1 && c != 0)
		run_flush(r);
	r->attr = attr;
	r->pair = pair;
	r->w[r->n++] = c;
}

static void
run_puts(struct run *r, const char *s, attr_t attr, short pair)
{
	while (*s != '\0')
		run_put(r, (wchar_t)(unsigned char)*s++, attr, pair);
}

/* Draw [start, end) of data from the cursor, at most maxcols columns, with
 * extra attributes; control characters become markers.  Returns the
 * columns used.  With ellipsis, text that does not fit ends in "…".  The
 * matches of hl (when not NULL) are shown in reverse video, the current
 * one distinctly. */
static int
draw_bytes(const struct screen *s, const char *data, size_t start,
    size_t end, const struct wrap_row *row, int maxcols, attr_t extra,
    short base_pair, bool ellipsis, const struct search *hl)
{
	size_t k = hl != NULL ? search_first_after(hl, start) : 0;
	struct text_decoder d;
	struct text_unit u;
	struct run r;
	int col = 0;

	r.n = 0;
	int col0 = row != NULL ? row->indent : 0;

	text_decoder_init(&d, data, start, end);
	if (row != NULL) {
		d.style = row->style;
		d.join = row->join; /* reflowed: line ends are spaces */
		d.keep_tag = row->tag;
		d.quote = row->quote;
		d.squeeze = row->squeeze;
		d.squeeze_at = row->squeeze_at;
	}
	while (text_decode(&d, &u)) {
		attr_t a = style_attr(&u.style) | extra;
		short pair = base_pair;
		int w = u.kind == TEXT_TAB ?
		    TEXT_TAB_STOP - (col0 + col) % TEXT_TAB_STOP : u.width;
		short dp = dynamic_pair(s, u.style.fg, u.style.bg);

		if (dp != 0)
			pair = dp;
		if (hl != NULL) {
			while (k < hl->n && hl->end[k] <= u.off)
				k++;
			if (k < hl->n && hl->start[k] <= u.off) {
				short mp;

				a |= element(s, (long)k == hl->cur
				    ? STYLE_MATCH_CURRENT : STYLE_MATCH, &mp);
				if (mp != 0)
					pair = mp;
			}
		}
		if (col + w > maxcols ||
		    (ellipsis && col + w == maxcols && d.pos < end)) {
			if (ellipsis && col < maxcols) {
				run_put(&r, s->utf8 ? (wchar_t)0x2026 : L'~',
				    extra, base_pair);
				col++;
			}
			break;
		}
		if (u.kind == TEXT_TAB || u.kind == TEXT_BREAK) {
			for (int i = 0; i < w; i++)
				run_put(&r, L' ', a, pair);
		} else if (u.kind == TEXT_CONTROL || u.kind == TEXT_INVALID) {
			char m[TEXT_MARKER_MAX];
			short mp;
			attr_t ma = element(s, STYLE_MARKER, &mp);

			if (u.kind == TEXT_INVALID)
				run_put(&r, s->utf8 ? 0xfffd : L'?', a, pair);
			else {
				text_marker(&u, m);
				run_puts(&r, m, a | ma |
				    (s->color ? 0 : A_REVERSE), mp ? mp : pair);
			}
		} else if (!s->utf8 && u.ch >= 0x80) {
			for (int i = 0; i < w; i++)
				run_put(&r, L'?', a, pair);
		} else if (u.width > 0 && wcwidth((wchar_t)u.ch) != u.width) {
			for (int i = 0; i < w; i++)
				run_put(&r, L'?', a, pair);
		} else if (u.ch != 0x200d) {
			/* a zero-width joiner is not sent: a terminal that
			 * joins 👨 ZWJ 👩 into one glyph would draw fewer
			 * columns than were counted, and shift the row */
			run_put(&r, (wchar_t)u.ch, a, pair);
		}
		col += w;
	}
	run_flush(&r);
	return col;
}

/* run_puts takes single bytes; the ellipsis is one wide character. */
static void
put_ellipsis(const struct screen *s)
{
	if (s->utf8)
		addwstr(L"\u2026");
	else
		addch('~');
}

static void
draw_title(const struct screen *s, const struct view *v, size_t i, int y,
    int x, int maxcols, attr_t attr, short pair)
{
	const char *t = outline_title(v->o, i);
	size_t n = outline_title_len(v->o, i);
	int w = (int)text_width(t, n);

	move(y, x);
	if (w <= maxcols) {
		draw_bytes(s, t, 0, n, NULL, maxcols, attr, pair, false, NULL);
		return;
	}
	draw_bytes(s, t, 0, n, NULL, maxcols - 1, attr, pair, false, NULL);
	attr_set(attr, pair, NULL);
	put_ellipsis(s);
}

static void
draw_toc(struct screen *s, struct view *v)
{
	long cur = view_current_visible(v);
	short pair;
	attr_t rule;
	int y;

	for (y = 0; y < v->text_rows; y++) {
		size_t k = v->toc_first + (size_t)y, i;
		int indent, room;
		attr_t a = A_NORMAL;
		const char *mark;

		if (k >= v->nvisible)
			break;
		i = v->visible[k];
		indent = 2 * v->depth[i];
		if (indent > v->toc_cols / 2)
			indent = v->toc_cols / 2;
		pair = 0;
		if (v->toc_focus && i == v->sel)
			a = element(s, STYLE_TOC_SELECTED, &pair);
		else if ((long)i == cur && v->toc_focus)
			a = A_BOLD | A_UNDERLINE;
		else if ((long)i == cur)
			a = element(s, STYLE_TOC_CURRENT, &pair);
		if (v->filtering && !v->filter_match[i] &&
		    !(v->toc_focus && i == v->sel))
			a |= A_DIM;
		if (v->filtering)
			mark = "  ";
		else if (i + 1 < v->o->n && v->depth[i + 1] > v->depth[i])
			mark = v->folded[i] ? (s->utf8 ? "\u25b8 " : "+ ")
			    : (s->utf8 ? "\u25be " : "- ");
		else
			mark = "  ";
		attr_set(a, pair, NULL);
		mvhline(y, 0, ' ', v->toc_cols);
		move(y, indent);
		addstr(mark);
		room = v->toc_cols - indent - 2;
		if (room > 0)
			draw_title(s, v, i, y, indent + 2, room, a, pair);
	}
	/* (the pair is set by element: not in the same call's arguments) */
	rule = element(s, STYLE_RULE, &pair);
	attr_set(rule, pair, NULL);
	for (y = 0; y < v->text_rows; y++) {
		move(y, v->toc_cols);
		if (s->utf8)
			addwstr(L"\u2502");
		else
			addch('|');
	}
	attr_set(A_NORMAL, 0, NULL);
}

static void
draw_text(struct screen *s, struct view *v)
{
	struct view_row *rows = xmalloc((size_t)v->text_rows * sizeof *rows);
	size_t n = view_rows(v, rows, (size_t)v->text_rows), i;

	for (i = 0; i < n; i++) {
		const struct view_row *r = &rows[i];
		short pair = 0;
		attr_t extra = r->heading ? element(s, STYLE_HEADING, &pair)
		    : A_NORMAL;

		/* a page's footer and header are dim, its break a rule */
		if (r->furniture == FURNITURE_BREAK) {
			attr_set(A_DIM, 0, NULL);
			move((int)i, v->text_left);
			if (s->utf8)
				hline_set(WACS_HLINE, v->text_cols);
			else
				hline('-', v->text_cols);
			attr_set(A_NORMAL, 0, NULL);
			continue;
		}
		if (r->furniture == FURNITURE_LINE)
			extra |= A_DIM;
		move((int)i, v->text_left + r->row.indent);
		draw_bytes(s, v->doc->data, r->row.start, r->row.end, &r->row,
		    v->text_cols - r->row.indent, extra, pair, false,
		    search_active(&v->search) && !v->search_hidden ? &v->search
		    : NULL);
	}
	attr_set(A_DIM, 0, NULL);
	for (; i < (size_t)v->text_rows; i++)
		mvaddch((int)i, v->text_left, '~');
	attr_set(A_NORMAL, 0, NULL);
	free(rows);
}

static void
draw_status(struct screen *s, struct view *v)
{
	int y = v->screen_rows - 1, x, right;
	long c = view_current(v);
	char pct[120], sec[48];
	const char *name;
	struct buf clean = BUF_INIT;
	short pair;
	attr_t a = element(s, STYLE_STATUS, &pair);

	if (search_active(&v->search) && !v->search_hidden &&
	    v->search.cur >= 0 &&
	    view_offset_visible(v, v->search.start[v->search.cur]))
		snprintf(pct, sizeof pct, " match %ld/%zu%s  %d%% ",
		    v->search.cur + 1, v->search.n, v->search.capped ? "+" : "",
		    view_percent(v));
	else
		snprintf(pct, sizeof pct, " %d%% ", view_percent(v));
	if (v->reading || v->indexing >= 0) {
		/* a pipe still read (how much came), or the outline being
		 * built (how far): before the position */
		char pos[sizeof pct], size[32];
		int k;

		memcpy(pos, pct, sizeof pos);
		if (v->reading) {
			document_size_name(size, sizeof size, v->read_bytes);
			k = snprintf(pct, sizeof pct, " %s so far |", size);
		} else
			k = snprintf(pct, sizeof pct, " indexing %d%% |",
			    v->indexing);
		if (k > 0 && (size_t)k < sizeof pct)
			snprintf(pct + k, sizeof pct - (size_t)k, "%.80s", pos);
	}
	right = v->screen_cols - (int)text_width(pct, strlen(pct));
	attr_set(a, pair, NULL);
	mvhline(y, 0, ' ', v->screen_cols);
	move(y, 1);
	name = v->doc->name;
	if (strrchr(name, '/') != NULL && strrchr(name, '/')[1] != '\0')
		name = strrchr(name, '/') + 1;
	/* a file name's escapes are shown, not taken as colours */
	text_clean(&clean, name, 0, strlen(name),
	    TEXT_CLEAN_MARKERS | TEXT_CLEAN_LITERAL);
	x = 1 + draw_bytes(s, buf_str(&clean), 0, clean.len, NULL,
	    right / 3 > 8 ? right / 3 : 8, a | A_BOLD, pair, true, NULL);
	buf_fini(&clean);
	x += 2;
	move(y, x);
	if (v->msg[0] != '\0') {
		draw_bytes(s, v->msg, 0, strlen(v->msg), NULL, right - x - 1,
		    a | A_BOLD, pair, true, NULL);
	} else if (c >= 0 && v->top >= v->indexed_to) {
		/* past the indexed part: its section is not known yet */
		snprintf(sec, sizeof sec, "%zu+ sections", v->o->n);
		draw_bytes(s, sec, 0, strlen(sec), NULL, right - x - 1, a,
		    pair, false, NULL);
	} else if (c >= 0) {
		int w;

		snprintf(sec, sizeof sec, "%s%ld/%zu%s ",
		    s->utf8 ? "\xC2\xA7" : "S", c + 1, v->o->n,
		    v->indexing >= 0 || v->reading ? "+" : "");
		w = draw_bytes(s, sec, 0, strlen(sec), NULL, right - x - 1,
		    a, pair, false, NULL);
		if (right - x - w - 1 > 0)
			draw_title(s, v, (size_t)c, y, x + w, right - x - w - 1,
			    a, pair);
	} else if (v->o->n > 0) {
		snprintf(sec, sizeof sec, "%zu sections", v->o->n);
		draw_bytes(s, sec, 0, strlen(sec), NULL, right - x - 1, a,
		    pair, false, NULL);
	}
	attr_set(a, pair, NULL);
	mvaddstr(y, right < 0 ? 0 : right, pct);
	attr_set(A_NORMAL, 0, NULL);
}

/* The go-to prompt's candidates, in the rows above the status line. */
static void
draw_candidates(struct screen *s, struct view *v)
{
	int n = (int)v->ncand, y0, i;

	if (n > v->text_rows)
		n = v->text_rows;
	y0 = v->text_rows - n;
	for (i = 0; i < n; i++) {
		size_t h = v->cand[i];
		attr_t a = (size_t)i == v->cand_sel ? A_REVERSE | A_BOLD
		    : A_NORMAL;
		char num[32];
		int w;

		snprintf(num, sizeof num, "  %s%zu  ", s->utf8 ? "\xC2\xA7" : "S",
		    h + 1);
		attr_set(a, 0, NULL);
		mvhline(y0 + i, 0, ' ', v->screen_cols);
		move(y0 + i, 0);
		w = draw_bytes(s, num, 0, strlen(num), NULL, v->screen_cols, a,
		    0, false, NULL);
		if (v->screen_cols - w - 1 > 0)
			draw_title(s, v, h, y0 + i, w, v->screen_cols - w - 1, a,
			    0);
	}
	attr_set(A_NORMAL, 0, NULL);
}

/* A prompt on the status line: its label, the line being edited (scrolled
 * so that the cursor shows), and, for a search, the matches so far.
 * Returns the cursor's column. */
static int
draw_prompt(struct screen *s, struct view *v)
{
	int y = v->screen_rows - 1, x, avail, right = v->screen_cols;
	const char *t = lineedit_text(v->edit);
	size_t cur = v->edit->cursor, from = 0;
	char info[64] = "";
	bool search = v->prompt[0] == '/' || v->prompt[0] == '?';

	if (search && t[0] != '\0' && search_active(&v->search) &&
	    strcmp(v->search.pattern, t) == 0) {
		if (v->search.n == 0)
			snprintf(info, sizeof info, " no match ");
		else
			snprintf(info, sizeof info, " match %ld/%zu%s ",
			    v->search.cur + 1, v->search.n,
			    v->search.capped ? "+" : "");
	}
	if (v->filtering || (v->prompt[0] == 'f' && t[0] != '\0')) {
		size_t k, n = 0;

		for (k = 0; v->filtering && k < v->nvisible; k++)
			n += v->filter_match[v->visible[k]];
		if (n == 0)
			snprintf(info, sizeof info, " no match ");
		else
			snprintf(info, sizeof info, " %zu title%s ", n,
			    n == 1 ? "" : "s");
	}
	attr_set(A_NORMAL, 0, NULL);
	mvhline(y, 0, ' ', v->screen_cols);
	if ((int)strlen(info) < v->screen_cols / 2) {
		right = v->screen_cols - (int)strlen(info);
		attr_set(A_DIM, 0, NULL);
		mvaddstr(y, right, info);
		attr_set(A_NORMAL, 0, NULL);
	}
	move(y, 0);
	x = draw_bytes(s, v->prompt, 0, strlen(v->prompt), NULL, right, A_BOLD,
	    0, false, NULL);
	avail = right - x - 1;
	if (avail < 1)
		return x;
	/* scroll the line so that the cursor is on the screen */
	while (from < cur && (int)text_width(t + from, cur - from) > avail - 1) {
		from++;
		while (from < cur && ((unsigned char)t[from] & 0xc0) == 0x80)
			from++;
	}
	move(y, x);
	draw_bytes(s, t, from, strlen(t), NULL, avail, A_NORMAL, 0, false,
	    NULL);
	return x + (int)text_width(t + from, cur - from);
}

void
screen_draw(struct screen *s, struct view *v)
{
	int cx = -1;

	erase();
	if (v->toc_shown)
		draw_toc(s, v);
	draw_text(s, v);
	if (v->prompt != NULL && v->ncand > 0)
		draw_candidates(s, v);
	if (v->prompt != NULL && v->edit != NULL)
		cx = draw_prompt(s, v);
	else
		draw_status(s, v);
	if (cx >= 0) {
		move(v->screen_rows - 1, cx);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

bool
screen_read(struct screen *s, int timeout_ms, bool *fn, uint32_t *ch)
{
	wint_t w;
	int rc;

	(void)s;
	timeout(timeout_ms);
	rc = get_wch(&w);
	if (rc == ERR)
		return false;
	*fn = rc == KEY_CODE_YES;
	*ch = (uint32_t)w;
	return true;
}

bool
screen_key_pending(const struct screen *s)
{
	struct pollfd p;

	/* ncurses reads its input a byte at a time: what it has not read is
	 * still waiting on the descriptor */
	p.fd = fileno(s->tty != NULL ? s->tty : stdin);
	p.events = POLLIN;
	p.revents = 0;
	return poll(&p, 1, 0) > 0 || screen_interrupted();
}

static void
help_line(struct buf *b, const struct keymap *km, enum keymap_context ctx,
    enum action a)
{
	char name[32], names[256] = "";
	size_t i, start = b->len;

	for (i = 0; i < km->n[ctx]; i++) {
		char quoted[40];

		if (km->b[ctx][i].action != a)
			continue;
		keymap_key_name(km->b[ctx][i].key, name, sizeof name);
		snprintf(quoted, sizeof quoted, "|%s|", name);
		if (strstr(names, quoted) != NULL)
			continue; /* Enter is both ^M and ^J */
		if (strlen(names) + strlen(quoted) < sizeof names)
			strcat(names, quoted);
		buf_addf(b, "%s%s", b->len > start ? ", " : "  ", name);
	}
	if (b->len == start)
		return;
	while (b->len - start < 30)
		buf_addc(b, ' ');
	buf_addf(b, "  %s\n", action_description(a));
}

void
screen_draw_help(struct screen *s, const struct keymap *km)
{
	struct buf b = BUF_INIT;
	struct line_iter it;
	struct line l;
	int a, y = 0, skip;

	buf_adds(&b, "folio keys (any key closes this help; j/k scroll it)\n\n"
	    "Reading\n");
	for (a = ACT_LINE_DOWN; a < ACT_TOC_DOWN; a++)
		help_line(&b, km, KEYMAP_TEXT, (enum action)a);
	buf_adds(&b, "\nA number typed first counts: 5j goes down 5 lines, "
	    "3] three sections,\n120g to line 120, 50% half way, 8d makes d "
	    "and u go 8 lines.\n");
	buf_adds(&b, "\nIn the table of contents (Tab moves the focus there)\n");
	for (a = ACT_TOC_DOWN; a < ACT_COUNT; a++)
		help_line(&b, km, KEYMAP_TOC, (enum action)a);
	buf_adds(&b, "\nMouse: the wheel scrolls; a click on a contents entry "
	    "goes there.\n");
	erase();
	line_iter_init(&it, b.data, b.len, 0);
	skip = s->help_first;
	while (line_iter_next(&it, &l) && y < LINES) {
		if (skip > 0) {
			skip--;
			continue;
		}
		move(y, 1);
		draw_bytes(s, b.data, l.start, l.end, NULL, COLS - 2,
		    y == 0 && s->help_first == 0 ? A_BOLD : A_NORMAL, 0, true,
		    NULL);
		y++;
	}
	refresh();
	buf_fini(&b);
}

int
screen_key(struct screen *s, int timeout_ms)
{
	int c;

	(void)s;
	timeout(timeout_ms);
	c = getch();
	return c == ERR ? -1 : c;
}

enum screen_mouse_event
screen_mouse_read(int *y, int *x)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return SCREEN_MOUSE_NONE;
	*y = ev.y;
	*x = ev.x;
	if (ev.bstate & BUTTON4_PRESSED)
		return SCREEN_WHEEL_UP;
	if (ev.bstate & BUTTON5_PRESSED)
		return SCREEN_WHEEL_DOWN;
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		return SCREEN_CLICK;
	return SCREEN_MOUSE_NONE;
}

void
screen_mouse(struct screen *s, struct view *v)
{
	enum screen_mouse_event e;
	int x = 0, y = 0;

	(void)s;
	e = screen_mouse_read(&y, &x);
	if (e == SCREEN_WHEEL_UP) {
		for (int i = 0; i < SCREEN_WHEEL_ROWS; i++)
			view_act(v, ACT_LINE_UP);
	} else if (e == SCREEN_WHEEL_DOWN) {
		for (int i = 0; i < SCREEN_WHEEL_ROWS; i++)
			view_act(v, ACT_LINE_DOWN);
	} else if (e == SCREEN_CLICK && v->toc_shown && x < v->toc_cols &&
	    y < v->text_rows) {
		size_t k = v->toc_first + (size_t)y;

		if (k < v->nvisible) {
			view_goto_heading(v, v->visible[k]);
			v->toc_focus = false;
			view_act(v, ACT_NONE);
		}
	}
}

/* A size as people read it: 812, 4.2K, 17M, 1.1G. */
static void
human_size(long long n, char *out, size_t size)
{
	const char *u = "KMGT";
	double v = (double)n;

	if (n < 1024) {
		snprintf(out, size, "%lld", n);
		return;
	}
	v /= 1024;
	while (v >= 1024 && u[1] != '\0') {
		v /= 1024;
		u++;
	}
	snprintf(out, size, v < 10 ? "%.1f%c" : "%.0f%c", v, *u);
}

/* Draw text from the cursor in at most cols columns, cut with an ellipsis;
 * returns the columns used. */
static int
draw_cell(const struct screen *s, const char *t, int cols, attr_t a)
{
	return cols > 0 ? draw_bytes(s, t, 0, strlen(t), NULL, cols, a, 0, true,
	    NULL) : 0;
}

/* The library's columns: title (what is left), file name 16, size 6,
 * sections 5, progress 15, last read 10, with their gaps. */
#define LIB_FIXED 58

struct lib_cols {
	int title, tw, name, size, sec, prog, date;
};

static void
lib_cols(int cols, struct lib_cols *c)
{
	c->tw = cols - LIB_FIXED < 10 ? 10 : cols - LIB_FIXED;
	c->title = 1;
	c->name = c->title + c->tw + 1;
	c->size = c->name + 17;
	c->sec = c->size + 7;
	c->prog = c->sec + 6;
	c->date = c->prog + 16;
}

static void
draw_lib_row(struct screen *s, struct library *l, size_t k, int y, int cols)
{
	struct lib_entry *e = &l->e[l->shown[k]];
	attr_t a = k == l->sel ? A_REVERSE | A_BOLD : A_NORMAL;
	struct lib_cols c;
	char cell[64];

	lib_cols(cols, &c);
	attr_set(a, 0, NULL);
	mvhline(y, 0, ' ', cols);
	move(y, c.title);
	if (e->dir) {
		snprintf(cell, sizeof cell, "%s/", e->name);
		draw_cell(s, cell, cols - 2, a | A_BOLD);
		return;
	}
	draw_cell(s, e->title != NULL ? e->title : e->name, c.tw, a);
	move(y, c.name);
	draw_cell(s, e->name, 16, a | A_DIM);
	human_size(e->size, cell, sizeof cell);
	attr_set(a, 0, NULL);
	mvaddstr(y, c.size + 6 - (int)strlen(cell), cell);
	if (e->sections >= 0) {
		/* five columns: the sign goes first, then thousands count */
		if (e->sections < 10000)
			snprintf(cell, sizeof cell, "%s%ld",
			    s->utf8 ? "\xC2\xA7" : "S", e->sections);
		else if (e->sections < 100000)
			snprintf(cell, sizeof cell, "%ld", e->sections);
		else
			snprintf(cell, sizeof cell, "%ldk",
			    e->sections / 1000);
		move(y, c.sec);
		draw_cell(s, cell, 5, a);
	}
	attr_set(a, 0, NULL);
	move(y, c.prog);
	if (e->percent >= 0) {
		int filled = (e->percent + 5) / 10, i;

		for (i = 0; i < 10; i++)
			addstr(i < filled ? (s->utf8 ? "\xE2\x96\x88" : "#")
			    : (s->utf8 ? "\xC2\xB7" : "."));
		printw(" %3d%%", e->percent);
	}
	if (e->last_read > 0 && c.date + 10 <= cols) {
		time_t t = (time_t)e->last_read;
		struct tm tm;

		if (localtime_r(&t, &tm) != NULL) {
			strftime(cell, sizeof cell, "%Y-%m-%d", &tm);
			mvaddstr(y, c.date, cell);
		}
	}
}

void
screen_draw_library(struct screen *s, struct library *l, const char *label,
    const char *prompt, const struct lineedit *edit, const char *msg)
{
	int rows = LINES - 2, cols = COLS, y, cx = -1;
	char status[256];
	struct lib_cols c;
	size_t k;

	erase();
	lib_cols(cols, &c);
	attr_set(A_BOLD, 0, NULL);
	mvhline(0, 0, ' ', cols);
	mvaddstr(0, c.title, "Title");
	mvaddstr(0, c.name, "File");
	mvaddstr(0, c.size + 2, "Size");
	mvaddstr(0, c.sec, "Secs");
	mvaddstr(0, c.prog, "Progress");
	if (c.date + 10 <= cols)
		mvaddstr(0, c.date, "Last read");
	attr_set(A_NORMAL, 0, NULL);
	if (rows < 1)
		rows = 1;
	if (l->sel < l->first)
		l->first = l->sel;
	if (l->sel >= l->first + (size_t)rows)
		l->first = l->sel - (size_t)rows + 1;
	for (y = 0, k = l->first; y < rows && k < l->nshown; y++, k++)
		draw_lib_row(s, l, k, y + 1, cols);
	if (l->nshown == 0)
		mvaddstr(1, 1, l->filter != NULL ? "No title or name matches."
		    : "No articles here.");
	y = LINES - 1;
	if (prompt != NULL && edit != NULL) {
		attr_set(A_NORMAL, 0, NULL);
		mvhline(y, 0, ' ', cols);
		move(y, 0);
		cx = draw_cell(s, prompt, cols / 2, A_BOLD);
		cx += draw_cell(s, lineedit_text(edit), cols - cx - 1, A_NORMAL);
		cx = (int)strlen(prompt) +
		    (int)text_width(lineedit_text(edit), edit->cursor);
		if (cx >= cols)
			cx = cols - 1;
	} else {
		short pair;
		attr_t a = element(s, STYLE_STATUS, &pair);

		snprintf(status, sizeof status, "%zu of %zu  sorted by %s ",
		    l->nshown, l->n, library_sort_name(l->sort));
		attr_set(a, pair, NULL);
		mvhline(y, 0, ' ', cols);
		move(y, 1);
		draw_cell(s, msg != NULL && msg[0] != '\0' ? msg : label,
		    cols - (int)strlen(status) - 3, a | A_BOLD);
		attr_set(a, pair, NULL);
		mvaddstr(y, cols - (int)strlen(status), status);
	}
	attr_set(A_NORMAL, 0, NULL);
	if (cx >= 0) {
		move(y, cx);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}
