/* Finding headings by typed text (see finder.h). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "finder.h"
#include "xalloc.h"

enum tier { TIER_PREFIX, TIER_WORD, TIER_INSIDE, TIER_FUZZY, TIER_NONE };

struct cand {
	uint32_t i;
	enum tier tier;
	size_t span; /* fuzzy: how many characters the match spreads over */
};

/* s case-folded as code points (malloc'd; *n its length). */
static uint32_t *
fold(const char *s, size_t len, size_t *n)
{
	uint32_t *u, *f;

	if (len == 0) {
		*n = 0;
		return xmalloc(sizeof *f);
	}
	u = u8_to_u32((const uint8_t *)s, len, NULL, n);
	if (u == NULL)
		xalloc_die();
	f = u32_casefold(u, *n, NULL, NULL, NULL, n);
	free(u);
	if (f == NULL && *n == 0)
		return xmalloc(sizeof *f);
	if (f == NULL)
		xalloc_die();
	return f;
}

static bool
is_word_char(uint32_t c)
{
	return uc_is_alnum(c);
}

static enum tier
match(const uint32_t *t, size_t nt, const uint32_t *q, size_t nq,
    size_t *span)
{
	size_t i, j, first = SIZE_MAX, last = 0;
	enum tier best = TIER_NONE;

	if (nq == 0)
		return TIER_NONE;
	for (i = 0; i + nq <= nt; i++) {
		if (memcmp(t + i, q, nq * sizeof *q) != 0)
			continue;
		if (i == 0)
			return TIER_PREFIX;
		if (!is_word_char(t[i - 1]))
			best = TIER_WORD;
		else if (best == TIER_NONE)
			best = TIER_INSIDE;
	}
	if (best != TIER_NONE)
		return best;
	/* fuzzy: the query's characters in order, blanks in it ignored */
	for (i = 0, j = 0; i < nt && j < nq; i++) {
		while (j < nq && q[j] == ' ')
			j++;
		if (j < nq && t[i] == q[j]) {
			if (first == SIZE_MAX)
				first = i;
			last = i;
			j++;
		}
	}
	while (j < nq && q[j] == ' ')
		j++;
	if (j < nq || first == SIZE_MAX)
		return TIER_NONE;
	*span = last - first + 1;
	return TIER_FUZZY;
}

static int
cand_cmp(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	if (a->tier != b->tier)
		return a->tier < b->tier ? -1 : 1;
	if (a->tier == TIER_FUZZY && a->span != b->span)
		return a->span < b->span ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* A query that is a number: 1 <= k, or 0 when it is not one. */
static size_t
number(const char *q)
{
	size_t k = 0;

	while (*q == ' ')
		q++;
	if (*q < '0' || *q > '9')
		return 0;
	for (; *q >= '0' && *q <= '9'; q++) {
		if (k > (SIZE_MAX - 9) / 10)
			return 0;
		k = k * 10 + (size_t)(*q - '0');
	}
	while (*q == ' ')
		q++;
	return *q == '\0' ? k : 0;
}

size_t
finder_rank(const struct outline *o, const char *query, uint32_t *out,
    size_t max)
{
	struct cand *c;
	uint32_t *q;
	size_t nq, nc = 0, i, k = number(query);

	if (k > 0) {
		if (k > o->n || max == 0)
			return 0;
		out[0] = (uint32_t)(k - 1);
		return 1;
	}
	while (*query == ' ')
		query++;
	q = fold(query, strlen(query), &nq);
	while (nq > 0 && q[nq - 1] == ' ')
		nq--;
	c = xmalloc((o->n ? o->n : 1) * sizeof *c);
	for (i = 0; i < o->n; i++) {
		size_t nt, span = 0;
		uint32_t *t = fold(outline_title(o, i), outline_title_len(o, i), &nt);
		enum tier tr = match(t, nt, q, nq, &span);

		free(t);
		if (tr == TIER_NONE)
			continue;
		c[nc].i = (uint32_t)i;
		c[nc].tier = tr;
		c[nc].span = span;
		nc++;
	}
	qsort(c, nc, sizeof *c, cand_cmp);
	for (i = 0; i < nc && i < max; i++)
		out[i] = c[i].i;
	free(c);
	free(q);
	return i;
}

size_t
finder_filter(const struct outline *o, const char *query, uint8_t *m)
{
	return finder_filter_from(o, query, 0, m);
}

size_t
finder_filter_from(const struct outline *o, const char *query, size_t from,
    uint8_t *m)
{
	uint32_t *q;
	size_t nq, i, n = 0;

	q = fold(query, strlen(query), &nq);
	for (i = from; i < o->n; i++) {
		size_t nt, span;
		uint32_t *t = fold(outline_title(o, i), outline_title_len(o, i), &nt);
		enum tier tr = match(t, nt, q, nq, &span);

		free(t);
		m[i] = tr != TIER_NONE && tr != TIER_FUZZY;
		n += m[i];
	}
	free(q);
	return n;
}
