/* prescan.h: a cheap look at a file's bytes before libxml2 parses it, for
 * the bombs the parser is slow on: a start tag with a huge number of
 * attributes (libxml2 2.9 checks each new name against all before it:
 * 100,000 took minutes), and internal entities expanded in attribute
 * values (a 100 KB entity used 30,000 times in one value: gigabytes).
 *
 * One pass, linear in the bytes: comments, CDATA sections and processing
 * instructions are skipped; the internal subset's general entity
 * declarations ("<!ENTITY name 'value'>") are measured; each start tag's
 * attributes are counted (an '=' outside quotes) and each &name; in its
 * quoted values adds that entity's size to the file's expansion. */
#ifndef WB_PRESCAN_H
#define WB_PRESCAN_H

#include <stddef.h>

#include "buf.h"

struct prescan_limits {
	size_t max_attributes;  /* on one element */
	size_t max_expansion;   /* bytes entities add to attribute values */
};

#define PRESCAN_MAX_ATTRIBUTES 10000
#define PRESCAN_MAX_EXPANSION ((size_t)16 << 20)

/* 0 when data[0..len) is within lim; else 1, with *offset the byte
 * where the bound was crossed (the start tag) and why such as "100000
 * attributes on one element (limit 10000, --max-attributes)". */
int prescan(const char *data, size_t len, const struct prescan_limits *lim,
	    size_t *offset, struct buf *why);

#endif
