/* tei.h: the TEI elements the loader knows, and walking a tree of them.
 *
 * Private to the loader (corpus.c and the files it is split into).  Every
 * element the loader looks at is listed once, in TEI_ELEMENTS: its name,
 * what the loader needs to know about it (flags), and its role in the text
 * walk, which picks the handler that flattens it (elements.c).  Names are
 * interned in one dictionary that every parser shares, so recognising an
 * element is a pointer compare, not a string compare per name per node.
 *
 * tei_walk() visits a tree in document order with the nodes' parent
 * pointers, not recursion, so nesting depth cannot exhaust the stack; the
 * loader's tree loops (records, documents, headers, the text) all use it. */
#ifndef WB_TEI_H
#define WB_TEI_H

#include <libxml/tree.h>

/* What the loader needs to know about an element, by name. */
enum {
	F_ROOT = 1 << 0,     /* a root a corpus file may have */
	F_RECORD = 1 << 1,   /* an authority record */
	F_NAME = 1 << 2,     /* a name of a record */
	F_PART = 1 << 3,     /* a word of its own next to a sibling part */
	F_SKIP = 1 << 4,     /* not part of the running text */
	F_PARA = 1 << 5,     /* a paragraph-like block */
	F_EMPH = 1 << 6,     /* shown emphasised */
	F_DESC = 1 << 7      /* describes a record: role, occupation … */
};

/* What an element is in the running text: the handler that flattens it. */
enum text_role {
	ROLE_INLINE,         /* its content runs on; a word break between parts */
	ROLE_BLOCK,          /* a block, or (bibl, quote … inside a block) inline */
	ROLE_BREAK,          /* lb, cb, space: a space unless break="no" */
	ROLE_GAP,            /* an omission, shown as […] */
	ROLE_PTR,            /* a link shown as its target */
	ROLE_MENTION,        /* a name: a mention of an entity */
	ROLE_SPAN,           /* emphasis or a link over its content */
	ROLE_CELL,           /* a table cell: " | " between cells */
	ROLE_APP,            /* an apparatus entry: its lemma, a marker, a note */
	ROLE_DIV,            /* a division: its @n said with its heading */
	ROLE_COUNT
};

/* name, flags, role */
#define TEI_ELEMENTS(X) \
	X(TEI, F_ROOT, ROLE_INLINE) \
	X(teiCorpus, F_ROOT, ROLE_INLINE) \
	X(teiHeader, F_SKIP, ROLE_INLINE) \
	X(text, 0, ROLE_INLINE) \
	X(listPerson, F_ROOT | F_SKIP, ROLE_INLINE) \
	X(listOrg, F_ROOT | F_SKIP, ROLE_INLINE) \
	X(listPlace, F_ROOT | F_SKIP, ROLE_INLINE) \
	X(listRelation, F_ROOT | F_SKIP, ROLE_INLINE) \
	X(listEvent, F_ROOT | F_SKIP, ROLE_INLINE) \
	X(taxonomy, F_ROOT | F_SKIP, ROLE_INLINE) \
	X(standOff, F_ROOT | F_SKIP, ROLE_INLINE) \
	X(listPrefixDef, F_ROOT, ROLE_INLINE) \
	X(prefixDef, 0, ROLE_INLINE) \
	X(person, F_ROOT | F_RECORD, ROLE_INLINE) \
	X(personGrp, F_RECORD, ROLE_INLINE) \
	X(org, F_ROOT | F_RECORD, ROLE_INLINE) \
	X(place, F_ROOT | F_RECORD, ROLE_INLINE) \
	X(event, F_RECORD, ROLE_INLINE) \
	X(relation, 0, ROLE_INLINE) \
	X(affiliation, 0, ROLE_INLINE) \
	X(occupation, F_DESC, ROLE_INLINE) \
	X(roleName, F_PART | F_DESC, ROLE_INLINE) \
	X(desc, F_DESC, ROLE_INLINE) \
	X(state, F_DESC, ROLE_INLINE) \
	X(trait, F_DESC, ROLE_INLINE) \
	X(faith, F_DESC, ROLE_INLINE) \
	X(education, F_DESC, ROLE_INLINE) \
	X(persName, F_NAME | F_PART, ROLE_MENTION) \
	X(orgName, F_NAME | F_PART, ROLE_MENTION) \
	X(placeName, F_NAME | F_PART, ROLE_MENTION) \
	X(name, F_NAME | F_PART, ROLE_MENTION) \
	X(geogName, F_NAME, ROLE_MENTION) \
	X(settlement, F_NAME | F_PART, ROLE_MENTION) \
	X(region, F_NAME | F_PART, ROLE_INLINE) \
	X(country, F_NAME | F_PART, ROLE_INLINE) \
	X(bloc, F_NAME, ROLE_INLINE) \
	X(district, F_NAME, ROLE_INLINE) \
	X(label, F_NAME, ROLE_BLOCK) \
	X(eventName, F_NAME, ROLE_INLINE) \
	X(rs, 0, ROLE_MENTION) \
	X(forename, F_PART, ROLE_INLINE) \
	X(surname, F_PART, ROLE_INLINE) \
	X(addName, F_PART, ROLE_INLINE) \
	X(nameLink, F_PART, ROLE_INLINE) \
	X(genName, F_PART, ROLE_INLINE) \
	X(fw, F_SKIP, ROLE_INLINE) \
	X(listBibl, F_SKIP, ROLE_INLINE) \
	X(facsimile, F_SKIP, ROLE_INLINE) \
	X(include, F_SKIP, ROLE_INLINE) \
	X(fallback, F_SKIP, ROLE_INLINE) \
	X(graphic, F_SKIP, ROLE_INLINE) \
	X(media, F_SKIP, ROLE_INLINE) \
	X(binaryObject, F_SKIP, ROLE_INLINE) \
	X(speaker, F_SKIP, ROLE_INLINE) \
	X(interpGrp, F_SKIP, ROLE_INLINE) \
	X(linkGrp, F_SKIP, ROLE_INLINE) \
	X(spanGrp, F_SKIP, ROLE_INLINE) \
	X(link, F_SKIP, ROLE_INLINE) \
	X(alt, F_SKIP, ROLE_INLINE) \
	X(altGrp, F_SKIP, ROLE_INLINE) \
	X(join, F_SKIP, ROLE_INLINE) \
	X(joinGrp, F_SKIP, ROLE_INLINE) \
	X(certainty, F_SKIP, ROLE_INLINE) \
	X(precision, F_SKIP, ROLE_INLINE) \
	X(respons, F_SKIP, ROLE_INLINE) \
	X(witDetail, F_SKIP, ROLE_INLINE) \
	X(p, F_PARA, ROLE_BLOCK) \
	X(ab, F_PARA, ROLE_BLOCK) \
	X(l, F_PARA, ROLE_BLOCK) \
	X(byline, F_PARA, ROLE_BLOCK) \
	X(dateline, F_PARA, ROLE_BLOCK) \
	X(docAuthor, F_PARA, ROLE_BLOCK) \
	X(docDate, F_PARA, ROLE_BLOCK) \
	X(titlePart, F_PARA, ROLE_BLOCK) \
	X(salute, F_PARA, ROLE_BLOCK) \
	X(signed, F_PARA, ROLE_BLOCK) \
	X(trailer, F_PARA, ROLE_BLOCK) \
	X(opener, F_PARA, ROLE_BLOCK) \
	X(closer, F_PARA, ROLE_BLOCK) \
	X(argument, F_PARA, ROLE_BLOCK) \
	X(epigraph, F_PARA, ROLE_BLOCK) \
	X(row, F_PARA, ROLE_BLOCK) \
	X(castItem, F_PARA, ROLE_BLOCK) \
	X(postscript, F_PARA, ROLE_BLOCK) \
	X(bibl, 0, ROLE_BLOCK) \
	X(head, 0, ROLE_BLOCK) \
	X(item, 0, ROLE_BLOCK) \
	X(list, 0, ROLE_INLINE) \
	X(note, 0, ROLE_BLOCK) \
	X(figDesc, 0, ROLE_BLOCK) \
	X(figure, 0, ROLE_INLINE) \
	X(table, 0, ROLE_INLINE) \
	X(cell, F_PART, ROLE_CELL) \
	X(sp, 0, ROLE_BLOCK) \
	X(u, 0, ROLE_BLOCK) \
	X(stage, 0, ROLE_BLOCK) \
	X(quote, 0, ROLE_BLOCK) \
	X(cit, 0, ROLE_BLOCK) \
	X(floatingText, 0, ROLE_BLOCK) \
	X(div, 0, ROLE_DIV) \
	X(choice, 0, ROLE_INLINE) \
	X(app, 0, ROLE_APP) \
	X(subst, 0, ROLE_INLINE) \
	X(corr, 0, ROLE_INLINE) \
	X(reg, 0, ROLE_INLINE) \
	X(expan, 0, ROLE_INLINE) \
	X(lem, 0, ROLE_INLINE) \
	X(add, 0, ROLE_INLINE) \
	X(lb, 0, ROLE_BREAK) \
	X(cb, 0, ROLE_BREAK) \
	X(space, 0, ROLE_BREAK) \
	X(gap, 0, ROLE_GAP) \
	X(ptr, 0, ROLE_PTR) \
	X(ref, 0, ROLE_SPAN) \
	X(hi, F_EMPH, ROLE_SPAN) \
	X(emph, F_EMPH, ROLE_SPAN) \
	X(foreign, F_EMPH, ROLE_SPAN) \
	X(title, F_EMPH, ROLE_SPAN) \
	X(mentioned, F_EMPH, ROLE_SPAN) \
	X(soCalled, F_EMPH, ROLE_SPAN) \
	X(term, F_EMPH, ROLE_SPAN) \
	X(date, 0, ROLE_INLINE) \
	X(idno, 0, ROLE_INLINE) \
	X(author, 0, ROLE_INLINE) \
	X(titleStmt, 0, ROLE_INLINE) \
	X(catRef, 0, ROLE_INLINE) \
	X(creation, 0, ROLE_INLINE) \
	X(publicationStmt, 0, ROLE_INLINE) \
	X(sourceDesc, 0, ROLE_INLINE) \
	X(profileDesc, 0, ROLE_INLINE) \
	X(settingDesc, 0, ROLE_INLINE) \
	X(particDesc, 0, ROLE_INLINE) \
	X(correspDesc, 0, ROLE_INLINE) \
	X(correspAction, 0, ROLE_INLINE) \
	X(biblStruct, 0, ROLE_BLOCK) \
	X(listObject, F_ROOT | F_SKIP, ROLE_INLINE) \
	X(object, F_RECORD, ROLE_INLINE) \
	X(objectName, F_NAME | F_PART, ROLE_MENTION) \
	X(castList, 0, ROLE_INLINE) \
	X(role, 0, ROLE_MENTION) \
	X(address, 0, ROLE_INLINE) \
	X(addrLine, F_PARA, ROLE_BLOCK) \
	X(anchor, 0, ROLE_INLINE) \
	X(rdg, 0, ROLE_INLINE) \
	X(rdgGrp, 0, ROLE_INLINE) \
	X(pc, 0, ROLE_INLINE) \
	X(w, 0, ROLE_INLINE)

#define EL_ENUM(n, f, r) EL_##n,
enum el { EL_NONE, TEI_ELEMENTS(EL_ENUM) EL_COUNT };
#undef EL_ENUM

/* Interns the element names.  Called by corpus_open before it parses
 * anything; the tables it fills are read-only afterwards.  Not safe to
 * call from two threads at once: the first corpus_open must come before
 * any thread that loads (tei_cleanup undoes it, at exit). */
void tei_init(void);
void tei_cleanup(void);
/* The dictionary every parser shares (borrowed; take a reference). */
xmlDictPtr tei_names(void);

/* The element n is, EL_NONE for another element or a node of another kind. */
enum el tei_el(xmlNodePtr n);
int tei_is(xmlNodePtr n, enum el e);
unsigned tei_flags(xmlNodePtr n);
enum text_role tei_role(xmlNodePtr n);

/* An attribute's value (caller frees), or NULL.  Namespaced attributes
 * such as xml:id are matched by their local name. */
char *tei_attr(xmlNodePtr n, const char *name);
int tei_has_attr(xmlNodePtr n, const char *name);
/* The first child element of n that is e, or NULL (n may be NULL). */
xmlNodePtr tei_child(xmlNodePtr n, enum el e);
/* The first element e at or below top in document order, or NULL. */
xmlNodePtr tei_find(xmlNodePtr top, enum el e);
/* XML's white space (inline: the flattener calls it for every byte). */
static inline int tei_is_space(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Whether a reader does not see n's content in the running text: a
 * reading of a choice that is not the chosen one, or an F_SKIP element. */
int tei_is_skipped(xmlNodePtr n);
/* Whether n is a word of its own right after another element (no text
 * between): "<forename>Aly</forename><surname>van Beek</surname>". */
int tei_needs_word_break(xmlNodePtr n);

enum tei_step {
	TEI_DESCEND,         /* visit the node's children, then leave it */
	TEI_SKIP,            /* go on after the node, without leaving it */
	TEI_STOP             /* end the walk now (nothing more is left) */
};

struct tei_visitor {
	enum tei_step (*enter)(void *ctx, xmlNodePtr n);
	/* After the children of an element enter descended into (also when it
	 * has none); may be NULL. */
	void (*leave)(void *ctx, xmlNodePtr n);
};

/* Visits every node below top in document order, and top itself first
 * when with_top.  Only element nodes are descended into. */
void tei_walk(xmlNodePtr top, int with_top, const struct tei_visitor *v, void *ctx);

#endif
