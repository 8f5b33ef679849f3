/* query_impl.h: the parsed query, shared by the parser (query.c) and the
 * evaluator (query_eval.c) and nothing else. */
#ifndef WB_QUERY_IMPL_H
#define WB_QUERY_IMPL_H

#include <stddef.h>

#include "search.h"

enum qkind {
	Q_TEXT,         /* pat */
	Q_ENTITY,       /* entity */
	Q_TYPE,         /* types: the entities of these types */
	Q_DOC,          /* value: a document id */
	Q_KIND,         /* value: a document type */
	Q_DATE,         /* value .. hi, either may be "" (open) */
	Q_AND,
	Q_OR,
	Q_NOT           /* kids[0] */
};

enum qscope {
	QSCOPE_PARAGRAPH,
	QSCOPE_DOCUMENT
};

struct qnode {
	enum qkind kind;
	struct qnode **kids;
	size_t nkids;
	char *value, *hi;
	long entity;
	struct search_pattern *pat;
	long *types;            /* Q_TYPE: entity indexes of those types */
	size_t ntypes;
};

struct query {
	const struct corpus *c;
	struct qnode *root;
	enum qscope scope;
	int scope_set;
	long near;              /* words; -1: not asked for */
};

#endif
