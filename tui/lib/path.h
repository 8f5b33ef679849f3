/* path.h: how two entities are connected: the shortest chains between
 * them through stated relations and, as weaker links, co-mention in a
 * paragraph.
 *
 * The graph is made once per corpus (path_graph_new): its nodes are the
 * entities, its links every relation of the register (affiliation,
 * memberOf, partOf …, either way round) and every pair of entities
 * mentioned in one block.  A relation costs PATH_COST_RELATION, a
 * co-mention PATH_COST_COMENTION, so a chain of stated relations is
 * preferred to a shortcut through a shared paragraph unless that chain is
 * three times as long.  path_find gives the k cheapest chains without a
 * repeated entity (Yen's algorithm over Dijkstra), cheapest first, ties
 * by fewer steps. */
#ifndef WB_PATH_H
#define WB_PATH_H

#include <stddef.h>

struct corpus;
struct relation;
struct path_graph;

#define PATH_COST_RELATION 1
#define PATH_COST_COMENTION 3

enum path_link {
	PATH_RELATION,
	PATH_COMENTION
};

/* One step, from entity from to entity to, with its evidence. */
struct path_step {
	long from, to;
	enum path_link link;
	/* PATH_RELATION: the relation as from holds it (its other is to);
	 * borrowed from the entity index */
	const struct relation *rel;
	/* PATH_COMENTION: the first block both are mentioned in (document
	 * index, block index) and how many blocks they share */
	size_t doc, block, shared;
};

struct path {
	struct path_step *steps;
	size_t nsteps;
	unsigned cost;
};

/* The graph of corpus c (borrowed; it must outlive the graph). */
struct path_graph *path_graph_new(const struct corpus *c);
/* path_graph_free(NULL) is a no-op. */
void path_graph_free(struct path_graph *g);
/* Links (relations and co-mention pairs) in the graph. */
size_t path_graph_links(const struct path_graph *g);

/* Up to k chains from entity from to entity to; *out (caller frees with
 * path_list_free) gets them, cheapest first.  Returns how many; 0 when
 * they are not connected, from == to, or either is no entity. */
size_t path_find(const struct path_graph *g, long from, long to, size_t k,
		 struct path **out);
void path_list_free(struct path *paths, size_t n);

/* The graph's links one by one, for an export: i from 0 to
 * path_graph_links(g) - 1; the step is phrased from a to b. */
void path_graph_link(const struct path_graph *g, size_t i, struct path_step *out);

#endif
