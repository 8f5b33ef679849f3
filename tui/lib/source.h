/* source.h: the TEI XML under the text, as a reader shows it.
 *
 * A source view is an element of the loaded tree written out again as
 * XML, a line at a time, each line with the line of the file it comes
 * from: the element of a document (with the line of one of its blocks to
 * start at) or an entity's record.  It is written from the tree, so it
 * shows what was loaded (XIncludes in place, entity references as
 * written); a line starting an element carries that element's line in
 * the file, and the lines after it count on from there.
 *
 * source_tokens() splits source text into the pieces a screen colours:
 * tags, attribute names, attribute values, comments, character
 * references.  The text itself is not sanitised here: it is corpus text,
 * and goes through text_sanitize or render on its way out like any. */
#ifndef WB_SOURCE_H
#define WB_SOURCE_H

#include <stddef.h>

struct corpus;

struct source_line {
	size_t start, len;      /* bytes into text, without the '\n' */
	long line;              /* the line in the file, from 1; 0 unknown */
};

struct source_view {
	const char *file;       /* borrowed from the corpus */
	char *text;             /* owned: the lines, each followed by '\n' */
	size_t len;
	struct source_line *lines;
	size_t nlines, cap;
	size_t focus;           /* the line the asked-for element starts on */
};

#define SOURCE_VIEW_INIT { NULL, NULL, 0, NULL, 0, 0, 0 }

/* Document doc (corpus order) from its TEI element, focus on the element
 * of block (or 0 for (size_t)-1).  Returns 0, or -1 when there is no
 * such document or block. */
int source_doc(const struct corpus *c, size_t doc, size_t block, struct source_view *out);
/* Only the element of block of doc (the --source=DOCID#BLOCK output). */
int source_block(const struct corpus *c, size_t doc, size_t block, struct source_view *out);
/* The authority record of entity id.  -1 when there is none. */
int source_entity(const struct corpus *c, const char *id, struct source_view *out);
void source_view_free(struct source_view *v);

/* The line of the file block of doc (corpus order) was made from, and the
 * file (borrowed).  0 when not known. */
long source_block_line(const struct corpus *c, size_t doc, size_t block, const char **file);
/* The line of entity id's record, and its file.  0 when not known. */
long source_entity_line(const struct corpus *c, const char *id, const char **file);

enum source_token {
	SOURCE_TEXT,
	SOURCE_TAG,             /* <name, </name>, >, />, <?pi?> */
	SOURCE_ATTR,            /* an attribute's name and = */
	SOURCE_VALUE,           /* its quoted value */
	SOURCE_COMMENT,         /* <!-- ... --> and CDATA markers */
	SOURCE_REF              /* &amp; &#233; &name; */
};

/* Where the tokenizer is between calls: a comment may go on over lines. */
struct source_lexer {
	int state;
};

/* Calls emit for each token of s[0..len), in order and covering it all;
 * emit NULL only moves the state on past s. */
void source_tokens(struct source_lexer *lx, const char *s, size_t len,
		   void (*emit)(void *ctx, enum source_token t, size_t start, size_t end),
		   void *ctx);

#endif
