/* bench_trees.c: libxml2's trees alone, the floor under werkbezoek's
 * memory (bench-load.sh runs it under GNU time for its peak).
 *
 *   bench_trees DIR
 *
 * Parses every *.xml file in DIR with the loader's parser options and one
 * dictionary for all of them, as werkbezoek does, and keeps every tree:
 * what werkbezoek's peak memory would be if it kept the trees and made
 * nothing of them.  Prints the number of files parsed. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#define OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | XML_PARSE_NOXINCNODE | \
		 XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

static int is_xml(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

int main(int argc, char **argv)
{
	DIR *d;
	struct dirent *e;
	xmlDictPtr dict;
	size_t kept = 0;
	char path[4096];

	if (argc != 2 || !(d = opendir(argv[1]))) {
		fprintf(stderr, "usage: bench_trees DIR\n");
		return 2;
	}
	xmlInitParser();
	dict = xmlDictCreate();
	while ((e = readdir(d))) {
		xmlParserCtxtPtr ctxt;

		if (!is_xml(e->d_name))
			continue;
		snprintf(path, sizeof(path), "%s/%s", argv[1], e->d_name);
		ctxt = xmlNewParserCtxt();
		if (!ctxt)
			return 1;
		/* the corpus's one dictionary, as the loader shares it */
		xmlDictFree(ctxt->dict);
		ctxt->dict = dict;
		xmlDictReference(dict);
		if (xmlCtxtReadFile(ctxt, path, NULL, OPTIONS))
			kept++;   /* kept, never freed: the trees are the figure */
		xmlFreeParserCtxt(ctxt);
	}
	closedir(d);
	printf("%zu trees kept\n", kept);
	return 0;
}
