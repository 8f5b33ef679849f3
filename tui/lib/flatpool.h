/* flatpool.h: flattening the corpus files into documents on a pool of
 * threads (flatpool.c).  Private to the loader.
 *
 * Pass 2 (documents.c) reads the records, which are complete by then,
 * and writes the corpus in four places: its documents (and their ids),
 * entities it makes for mentions without a record (and for external
 * identifiers), text anchors, and diagnostics.  On a worker, a file's
 * pass 2 runs as a job: those four go into the job instead, and
 * entities the job makes are numbered from the corpus's count on.  When
 * every job is done, the main thread takes them into the corpus in file
 * order, just as one thread would have made them.  A job whose result
 * could depend on what earlier files add (a reference it did not find
 * names an entity or document an earlier file made; a document id an
 * earlier file has) is dropped and its file read again on the main
 * thread.  Without a job (--jobs=1, or on the main thread) every function
 * here does exactly what the loader did before. */
#ifndef WB_FLATPOOL_H
#define WB_FLATPOOL_H

#include <stddef.h>

struct corpus;
struct docrec;
struct text_anchor;

/* Reads the documents of every file on jobs threads and takes them into
 * c in file order, as documents_collect(c, i) for i = 0, 1, … would.
 * Returns 0 without doing anything when it would not help or cannot
 * (fewer than two jobs or files, a libxml2 without threads, no thread
 * could start): the caller then collects them itself. */
int flatpool_collect(struct corpus *c, unsigned jobs);

/* The job this thread works on, or NULL (the main thread). */
struct flat_job *flatjob_this(void);

/* The entity id names: found in c's index, else (without a job) added
 * with type and, when not NULL, name; with a job, made in the job. */
long flatjob_entity(struct corpus *c, const char *id, const char *type, const char *name);
/* A lookup of id in the records did not find it: noted in the job. */
void flatjob_missed(const char *id);
/* Whether a document of the job so far has this id (with a job), else
 * whether one of c has. */
int flatjob_has_doc(const struct corpus *c, const char *id);
/* A new document: in the job, or appended to c's (load index in *index). */
struct docrec *flatjob_new_doc(struct corpus *c, size_t *index);
/* Registers a new document's id (index as flatjob_new_doc gave it). */
void flatjob_name_doc(struct corpus *c, const char *id, size_t index);
/* Somewhere for an anchor: the job's, or c's. */
struct text_anchor *flatjob_new_anchor(struct corpus *c);
#endif
