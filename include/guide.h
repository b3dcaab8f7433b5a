/* The built-in guide, compiled in from docs/guide.txt. */
#ifndef FOLIO_GUIDE_H
#define FOLIO_GUIDE_H

#include <stddef.h>

extern const char folio_guide[];
extern const size_t folio_guide_len;

#endif
