/* batch_import.h: werkbezoek import, a report as TEI with the register's
 * names tagged (the library's import.h does the work). */
#ifndef WB_BATCH_IMPORT_H
#define WB_BATCH_IMPORT_H

/* Runs the subcommand: argv[0] is "import", the rest its options and the
 * report.  corpus is the default corpus, whose register.xml is used when
 * no --register is given.  Returns the exit status: 0 written, 2 error. */
int batch_import_main(int argc, char **argv, const char *corpus);

#endif
