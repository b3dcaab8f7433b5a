/* The prompt's line editor (see lineedit.h). */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "lineedit.h"
#include "xalloc.h"

#define CTRL(c) ((c) & 0x1f)

void
lineedit_init(struct lineedit *e)
{
	memset(e, 0, sizeof *e);
	buf_init(&e->text);
	buf_adds(&e->text, "");
}

void
lineedit_fini(struct lineedit *e)
{
	size_t i;

	for (i = 0; i < e->nhist; i++)
		free(e->hist[i]);
	free(e->hist);
	free(e->draft);
	buf_fini(&e->text);
}

static void
set_text(struct lineedit *e, const char *s)
{
	buf_reset(&e->text);
	buf_adds(&e->text, s);
	e->cursor = e->text.len;
}

void
lineedit_start(struct lineedit *e)
{
	set_text(e, "");
	e->hist_pos = e->nhist;
	free(e->draft);
	e->draft = NULL;
}

const char *
lineedit_text(const struct lineedit *e)
{
	return buf_str(&e->text);
}

static size_t
prev_char(const struct lineedit *e, size_t i)
{
	while (i > 0 && ((unsigned char)e->text.data[--i] & 0xc0) == 0x80)
		;
	return i;
}

static size_t
next_char(const struct lineedit *e, size_t i)
{
	if (i < e->text.len)
		i++;
	while (i < e->text.len && ((unsigned char)e->text.data[i] & 0xc0) == 0x80)
		i++;
	return i;
}

/* Delete [a, b) of the text; the cursor goes to a. */
static void
cut(struct lineedit *e, size_t a, size_t b)
{
	memmove(e->text.data + a, e->text.data + b, e->text.len - b + 1);
	e->text.len -= b - a;
	e->cursor = a;
}

static enum lineedit_result
insert(struct lineedit *e, uint32_t ch)
{
	uint8_t enc[6];
	int n = u8_uctomb(enc, ch, sizeof enc);
	size_t tail;

	if (n <= 0 || e->text.len + (size_t)n > LINEEDIT_MAX)
		return LINEEDIT_MOVED;
	buf_grow(&e->text, (size_t)n);
	tail = e->text.len - e->cursor;
	memmove(e->text.data + e->cursor + n, e->text.data + e->cursor,
	    tail + 1);
	memcpy(e->text.data + e->cursor, enc, (size_t)n);
	e->text.len += (size_t)n;
	e->cursor += (size_t)n;
	return LINEEDIT_EDITED;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Up (older) or down (newer) in the history. */
static enum lineedit_result
walk(struct lineedit *e, bool older)
{
	if (older) {
		if (e->hist_pos == 0)
			return LINEEDIT_MOVED;
		if (e->hist_pos == e->nhist) {
			free(e->draft);
			e->draft = xstrdup(buf_str(&e->text));
		}
		e->hist_pos--;
		set_text(e, e->hist[e->hist_pos]);
	} else {
		if (e->hist_pos >= e->nhist)
			return LINEEDIT_MOVED;
		e->hist_pos++;
		set_text(e, e->hist_pos == e->nhist
		    ? (e->draft ? e->draft : "") : e->hist[e->hist_pos]);
	}
	return LINEEDIT_EDITED;
}

enum lineedit_result
lineedit_key(struct lineedit *e, bool fn, uint32_t key)
{
	size_t a;

	if (fn) {
		switch (key) {
		case KEY_BACKSPACE: break; /* below, with ^H and DEL */
		case KEY_LEFT: e->cursor = prev_char(e, e->cursor);
			return LINEEDIT_MOVED;
		case KEY_RIGHT: e->cursor = next_char(e, e->cursor);
			return LINEEDIT_MOVED;
		case KEY_HOME: e->cursor = 0; return LINEEDIT_MOVED;
		case KEY_END: e->cursor = e->text.len; return LINEEDIT_MOVED;
		case KEY_DC: key = CTRL('d'); break;
		case KEY_UP: return walk(e, true);
		case KEY_DOWN: return walk(e, false);
		case KEY_ENTER: return LINEEDIT_ACCEPT;
		default: return LINEEDIT_MOVED;
		}
		if (key == KEY_BACKSPACE)
			key = 0x7f;
	}
	switch (key) {
	case '\r':
	case '\n':
		return LINEEDIT_ACCEPT;
	case 0x1b:
	case CTRL('c'):
	case CTRL('g'):
		return LINEEDIT_CANCEL;
	case 0x7f:
	case CTRL('h'):
		if (e->text.len == 0)
			return LINEEDIT_CANCEL;
		if (e->cursor == 0)
			return LINEEDIT_MOVED;
		cut(e, prev_char(e, e->cursor), e->cursor);
		return LINEEDIT_EDITED;
	case CTRL('d'):
		if (e->cursor == e->text.len)
			return LINEEDIT_MOVED;
		cut(e, e->cursor, next_char(e, e->cursor));
		return LINEEDIT_EDITED;
	case CTRL('a'): e->cursor = 0; return LINEEDIT_MOVED;
	case CTRL('e'): e->cursor = e->text.len; return LINEEDIT_MOVED;
	case CTRL('b'): e->cursor = prev_char(e, e->cursor);
		return LINEEDIT_MOVED;
	case CTRL('f'): e->cursor = next_char(e, e->cursor);
		return LINEEDIT_MOVED;
	case CTRL('p'): return walk(e, true);
	case CTRL('n'): return walk(e, false);
	case CTRL('u'):
		if (e->cursor == 0)
			return LINEEDIT_MOVED;
		cut(e, 0, e->cursor);
		return LINEEDIT_EDITED;
	case CTRL('k'):
		if (e->cursor == e->text.len)
			return LINEEDIT_MOVED;
		e->text.len = e->cursor;
		e->text.data[e->cursor] = '\0';
		return LINEEDIT_EDITED;
	case CTRL('w'):
		a = e->cursor;
		while (a > 0 && is_blank(e->text.data[a - 1]))
			a--;
		while (a > 0 && !is_blank(e->text.data[a - 1]))
			a--;
		if (a == e->cursor)
			return LINEEDIT_MOVED;
		cut(e, a, e->cursor);
		return LINEEDIT_EDITED;
	default:
		break;
	}
	if (key < 0x20 || (key >= 0x7f && key < 0xa0) || key > 0x10ffff)
		return LINEEDIT_MOVED;
	return insert(e, key);
}

void
lineedit_history_add(struct lineedit *e, const char *line)
{
	size_t i;

	if (line[0] == '\0')
		return;
	for (i = 0; i < e->nhist; i++)
		if (strcmp(e->hist[i], line) == 0) {
			free(e->hist[i]);
			memmove(e->hist + i, e->hist + i + 1,
			    (e->nhist - i - 1) * sizeof *e->hist);
			e->nhist--;
			break;
		}
	if (e->nhist == LINEEDIT_HISTORY_MAX) {
		free(e->hist[0]);
		memmove(e->hist, e->hist + 1, (e->nhist - 1) * sizeof *e->hist);
		e->nhist--;
	}
	e->hist = xgrow(e->hist, &e->caphist, e->nhist + 1, sizeof *e->hist);
	e->hist[e->nhist++] = xstrdup(line);
	e->hist_pos = e->nhist;
}
