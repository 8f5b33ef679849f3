/* flatpool.c: pass 2 (documents.c) of separate files on a pool of
 * threads, taken into the corpus in file order (flatpool.h).
 *
 * While the workers run, the corpus is read only: its records, entity
 * index, ids and orphan notes are complete, and no document, entity,
 * anchor or diagnostic is added to it (each goes into the file's job).
 * Only after every worker has finished does the main thread merge. */
#include "config.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "buf.h"
#include "corpus_impl.h"
#include "diag.h"
#include "documents.h"
#include "entity.h"
#include "flatpool.h"
#include "idtab.h"
#include "loadpool.h"

#define MAX_JOBS LOADPOOL_MAX_JOBS

/* An entity a job made: numbered base + its index. */
struct job_entity {
	char *id, *type, *name;
};

struct flat_job {
	long base;                /* the corpus's entity count while jobs run */
	struct docrec *docs;
	size_t ndocs, capdocs;
	struct idtab doc_ids;
	struct job_entity *ents;
	size_t nents, capents;
	struct idtab ent_ids;
	char **missed;            /* ids lookups did not find, owned */
	size_t nmissed, capmissed;
	struct text_anchor *anchors;
	size_t nanchors, capanchors;
	struct diag_queue diags;  /* held while the job runs */
};

static __thread struct flat_job *this_job;

struct flat_job *flatjob_this(void)
{
	return this_job;
}

long flatjob_entity(struct corpus *c, const char *id, const char *type, const char *name)
{
	struct flat_job *j = this_job;
	struct job_entity *n;
	long e = entity_find(c->ix, id);
	size_t k;

	if (e >= 0)
		return e;
	if (!j) {
		e = entity_add(c->ix, id, type);
		if (name)
			entity_add_name(c->ix, e, name);
		return e;
	}
	if ((k = idtab_get(&j->ent_ids, id)) != IDTAB_NONE)
		return j->base + (long)k;
	j->ents = xgrow(j->ents, &j->capents, j->nents + 1, sizeof(*j->ents));
	n = &j->ents[j->nents];
	n->id = xstrdup(id);
	n->type = xstrdup(type);
	n->name = name ? xstrdup(name) : NULL;
	idtab_put(&j->ent_ids, n->id, j->nents);
	return j->base + (long)j->nents++;
}

void flatjob_missed(const char *id)
{
	struct flat_job *j = this_job;

	if (!j)
		return;
	j->missed = xgrow(j->missed, &j->capmissed, j->nmissed + 1, sizeof(*j->missed));
	j->missed[j->nmissed++] = xstrdup(id);
}

int flatjob_has_doc(const struct corpus *c, const char *id)
{
	if (!this_job)
		return idtab_get(&c->doc_ids, id) != IDTAB_NONE;
	return idtab_get(&this_job->doc_ids, id) != IDTAB_NONE;
}

struct docrec *flatjob_new_doc(struct corpus *c, size_t *index)
{
	struct flat_job *j = this_job;
	struct docrec *d;

	if (j) {
		j->docs = xgrow(j->docs, &j->capdocs, j->ndocs + 1, sizeof(*j->docs));
		*index = j->ndocs;
		d = &j->docs[j->ndocs++];
	} else {
		c->docs = xgrow(c->docs, &c->capdocs, c->ndocs + 1, sizeof(*c->docs));
		*index = c->ndocs;
		d = &c->docs[c->ndocs++];
	}
	memset(d, 0, sizeof(*d));
	return d;
}

void flatjob_name_doc(struct corpus *c, const char *id, size_t index)
{
	idtab_put(this_job ? &this_job->doc_ids : &c->doc_ids, id, index);
}

struct text_anchor *flatjob_new_anchor(struct corpus *c)
{
	struct flat_job *j = this_job;

	if (j) {
		j->anchors = xgrow(j->anchors, &j->capanchors, j->nanchors + 1,
				   sizeof(*j->anchors));
		return &j->anchors[j->nanchors++];
	}
	c->anchors = xgrow(c->anchors, &c->capanchors, c->nanchors + 1, sizeof(*c->anchors));
	return &c->anchors[c->nanchors++];
}

/* ---- the pool -------------------------------------------------------- */

struct pool {
	struct corpus *c;
	struct flat_job *jobs;    /* per file */
	size_t next;              /* the next file a worker takes, under lock */
	pthread_mutex_t lock;
};

static void *worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		size_t i;

		i = loadpool_take(&p->lock, &p->next, p->c->nfiles);
		if (i >= p->c->nfiles)
			break;
		if (!p->c->files[i].root)
			continue;
		this_job = &p->jobs[i];
		diag_hold(&this_job->diags);
		documents_collect(p->c, i);
		diag_hold(NULL);
		this_job = NULL;
	}
	return NULL;
}

/* ---- the merge, on the main thread ------------------------------------ */

/* Whether an earlier file made something the job looked for and did not
 * find, or has one of its document ids: then one thread would have read
 * the file differently. */
static int job_depends(const struct corpus *c, const struct flat_job *j)
{
	size_t k;

	for (k = 0; k < j->nmissed; k++)
		if (entity_find(c->ix, j->missed[k]) >= 0 ||
		    idtab_get(&j->ent_ids, j->missed[k]) != IDTAB_NONE ||
		    idtab_get(&c->doc_ids, j->missed[k]) != IDTAB_NONE)
			return 1;
	for (k = 0; k < j->ndocs; k++)
		if (idtab_get(&c->doc_ids, j->docs[k].pub.id) != IDTAB_NONE)
			return 1;
	return 0;
}

/* The job's entities into the index, in the order it made them; *map
 * (caller frees) gives each one's number. */
static long *merge_entities(struct corpus *c, const struct flat_job *j)
{
	long *map = xcalloc(j->nents ? j->nents : 1, sizeof(*map));
	size_t k;

	for (k = 0; k < j->nents; k++)
		map[k] = flatjob_entity(c, j->ents[k].id, j->ents[k].type, j->ents[k].name);
	return map;
}

static void renumber_mentions(struct docrec *d, long base, size_t nents, const long *map)
{
	size_t k;

	for (k = 0; k < d->nspans; k++) {
		struct span *s = &d->spans[k];
		long e = span_entity(s);

		if (e >= base && e < base + (long)nents)
			s->arg = (uint32_t)map[e - base];
	}
}

static void merge_job(struct corpus *c, struct flat_job *j)
{
	long *map = merge_entities(c, j);
	size_t k, first = c->ndocs;

	for (k = 0; k < j->ndocs; k++) {
		struct docrec *d;
		size_t index;

		renumber_mentions(&j->docs[k], j->base, j->nents, map);
		d = flatjob_new_doc(c, &index);
		*d = j->docs[k];
		idtab_put(&c->doc_ids, d->pub.id, index);
	}
	for (k = 0; k < j->nanchors; k++) {
		struct text_anchor *a = flatjob_new_anchor(c);

		*a = j->anchors[k];
		a->doc += first;
		idtab_put(&c->anchor_ids, a->local, c->nanchors - 1);
		idtab_put(&c->anchor_ids, a->id, c->nanchors - 1);
	}
	j->nanchors = j->ndocs = 0;
	diag_replay(c, &j->diags);
	free(map);
}

/* Frees what the job holds (documents and anchors not merged included). */
static void job_free(struct flat_job *j)
{
	size_t k;

	for (k = 0; k < j->ndocs; k++)
		corpus_free_docrec(&j->docs[k]);
	free(j->docs);
	idtab_free(&j->doc_ids);
	for (k = 0; k < j->nents; k++) {
		free(j->ents[k].id);
		free(j->ents[k].type);
		free(j->ents[k].name);
	}
	free(j->ents);
	idtab_free(&j->ent_ids);
	for (k = 0; k < j->nmissed; k++)
		free(j->missed[k]);
	free(j->missed);
	for (k = 0; k < j->nanchors; k++) {
		free(j->anchors[k].id);
		free(j->anchors[k].local);
	}
	free(j->anchors);
	diag_queue_free(&j->diags);
}

int flatpool_collect(struct corpus *c, unsigned jobs)
{
	pthread_t threads[MAX_JOBS];
	struct pool p;
	size_t i;
	unsigned n, k;

	if (!loadpool_usable(jobs, c->nfiles))
		return 0;
	memset(&p, 0, sizeof(p));
	p.c = c;
	p.jobs = xcalloc(c->nfiles, sizeof(*p.jobs));
	for (i = 0; i < c->nfiles; i++)
		p.jobs[i].base = (long)entity_count(c->ix);
	pthread_mutex_init(&p.lock, NULL);
	n = loadpool_start(threads, jobs, c->nfiles, worker, &p);
	if (!n) {
		pthread_mutex_destroy(&p.lock);
		free(p.jobs);
		return 0;
	}
	for (k = 0; k < n; k++)
		pthread_join(threads[k], NULL);
	pthread_mutex_destroy(&p.lock);
	for (i = 0; i < c->nfiles; i++) {
		if (!c->files[i].root)
			continue;
		c->cur_file = i;
		if (job_depends(c, &p.jobs[i])) {
			job_free(&p.jobs[i]);
			documents_collect(c, i);
			continue;
		}
		merge_job(c, &p.jobs[i]);
		job_free(&p.jobs[i]);
	}
	free(p.jobs);
	return 1;
}
