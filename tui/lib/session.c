/* session.c: reading and writing the session file.
 *
 * The format is versioned ("werkbezoek-session 1" first) and strict: a
 * line that does not parse makes the whole file corrupt, reported once and
 * ignored, never half-applied. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "session.h"

#define MAGIC "werkbezoek-session 1"
#define MAX_LINE (1 << 20)
#define MAX_SESSION (1 << 20)   /* bytes: a bigger file is not read */

void session_init(struct session *s)
{
	memset(s, 0, sizeof(*s));
	history_list_init(&s->hist);
}

void session_free(struct session *s)
{
	size_t i;

	location_clear(&s->page);
	history_list_free(&s->hist);
	for (i = 0; i < s->nsearches; i++)
		free(s->searches[i]);
	free(s->searches);
	free(s->active);
	for (i = 0; i < s->nfacets; i++) {
		free(s->facets[i].what);
		free(s->facets[i].key);
	}
	free(s->facets);
	memset(s, 0, sizeof(*s));
}

void session_set_active(struct session *s, const char *pattern, size_t hit_plus_one)
{
	free(s->active);
	s->active = pattern ? xstrdup(pattern) : NULL;
	s->active_hit = pattern ? hit_plus_one : 0;
}

void session_add_search(struct session *s, const char *pattern)
{
	s->searches = xgrow(s->searches, &s->capsearches, s->nsearches + 1, sizeof(char *));
	s->searches[s->nsearches++] = xstrdup(pattern);
}

/* The kinds of facet value a session names (facets_key's). */
static const char *const facet_whats[] = { "year", "type", "entity" };

void session_add_facet(struct session *s, const char *what, const char *key)
{
	s->facets = xgrow(s->facets, &s->capfacets, s->nfacets + 1, sizeof(*s->facets));
	s->facets[s->nfacets].what = xstrdup(what);
	s->facets[s->nfacets++].key = xstrdup(key);
}

/* Whether what is one of facet_whats. */
static int facet_what_known(const char *what)
{
	for (size_t i = 0; i < sizeof(facet_whats) / sizeof(facet_whats[0]); i++)
		if (strcmp(what, facet_whats[i]) == 0)
			return 1;
	return 0;
}

char *session_path(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	struct buf b = BUF_INIT;

	if (state && *state == '/')
		buf_printf(&b, "%s/werkbezoek/session", state);
	else if (home && *home)
		buf_printf(&b, "%s/.local/state/werkbezoek/session", home);
	else
		return NULL;
	return buf_steal(&b);
}

/* %XX for space, %, and anything below 0x21: ids and patterns stay on
 * one line and one field. */
static void put_escaped(struct buf *b, const char *s)
{
	size_t start = b->len;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c <= ' ' || c == '%' || c == 0x7F)
			buf_printf(b, "%%%02X", c);
		else
			buf_addc(b, (char)c);
	}
	if (b->len == start)
		buf_adds(b, "%00"); /* never an empty field */
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decodes one field; NULL if malformed.  "%00" alone is the empty string. */
static char *get_escaped(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '%') {
			int h, l;

			h = i + 2 < len ? hexval(s[i + 1]) : -1;
			l = i + 2 < len ? hexval(s[i + 2]) : -1;
			if (h < 0 || l < 0) {
				buf_free(&b);
				return NULL;
			}
			if (h || l)
				buf_addc(&b, (char)(h * 16 + l));
			i += 2;
		} else {
			buf_addc(&b, s[i]);
		}
	}
	return buf_steal(&b);
}

/* Indexed by enum location_kind: every kind has a name, so that no
 * location is written from past the end of the table. */
static const char *const kind_names[] = {
	"none", "doc", "entity", "help", "history", "url", "xpath", "path", "collocates", "with",
	"year",
};

static void put_location(struct buf *b, const char *tag, const struct location *l)
{
	size_t k = (size_t)l->kind;

	buf_printf(b, "%s %s ", tag,
		   kind_names[k < sizeof(kind_names) / sizeof(kind_names[0]) ? k : LOC_NONE]);
	put_escaped(b, l->id ? l->id : "");
	buf_printf(b, " %zu %zu", l->block, l->off);
	if (l->link)
		buf_printf(b, " %zu %zu", l->link, l->link_off);
	buf_addc(b, '\n');
}

/* The session as the file holds it. */
static void session_format(struct buf *b, const struct session *s)
{
	size_t i;
	char tag[8];

	buf_adds(b, MAGIC "\n");
	put_location(b, "page", &s->page);
	for (i = 0; i < s->hist.n; i++)
		put_location(b, "history", &s->hist.items[i]);
	buf_printf(b, "position %zu\n", s->hist.pos);
	if (s->hist.last_jump.kind != LOC_NONE)
		put_location(b, "jump", &s->hist.last_jump);
	for (i = 0; i < MARKS; i++) {
		if (s->hist.marks[i].kind == LOC_NONE)
			continue;
		snprintf(tag, sizeof(tag), "mark-%c", (char)('a' + i));
		put_location(b, tag, &s->hist.marks[i]);
	}
	for (i = 0; i < s->nsearches; i++) {
		buf_adds(b, "search ");
		put_escaped(b, s->searches[i]);
		buf_addc(b, '\n');
	}
	if (s->active) {
		buf_adds(b, "active ");
		put_escaped(b, s->active);
		buf_printf(b, " %zu\n", s->active_hit);
	}
	for (i = 0; i < s->nfacets; i++) {
		buf_adds(b, "facet ");
		put_escaped(b, s->facets[i].what);
		buf_addc(b, ' ');
		put_escaped(b, s->facets[i].key);
		buf_addc(b, '\n');
	}
}

/* The directories above path, as mkdir -p would make them, private.
 * 0, or -1 with the reason in e. */
static int make_parents(const char *path, struct buf *e)
{
	const char *slash = strrchr(path, '/');
	struct buf dir = BUF_INIT;
	size_t k;
	int rc = 0;

	if (slash)
		buf_add(&dir, path, (size_t)(slash - path));
	for (k = 1; k <= dir.len && rc == 0; k++) {
		if (k == dir.len || dir.data[k] == '/') {
			char c = dir.data[k];

			dir.data[k] = '\0';
			if (mkdir(dir.data, 0700) != 0 && errno != EEXIST) {
				buf_printf(e, "cannot create %s: %s", dir.data, strerror(errno));
				rc = -1;
			}
			dir.data[k] = c;
		}
	}
	buf_free(&dir);
	return rc;
}

/* The directory of path must be the user's and writable by no one else:
 * in a directory others can write, a prepared name could send the write
 * elsewhere.  0, or -1 with the reason in e. */
static int check_dir(const char *path, struct buf *e)
{
	const char *slash = strrchr(path, '/');
	struct buf dir = BUF_INIT;
	struct stat st;
	int rc = -1;

	if (slash && slash > path)
		buf_add(&dir, path, (size_t)(slash - path));
	else
		buf_adds(&dir, slash ? "/" : ".");
	buf_addc(&dir, '\0');
	if (stat(dir.data, &st) != 0)
		buf_printf(e, "cannot use %s: %s", dir.data, strerror(errno));
	else if (!S_ISDIR(st.st_mode))
		buf_printf(e, "%s is not a directory", dir.data);
	else if (st.st_uid != geteuid())
		buf_printf(e, "%s is not yours (owner %ld)", dir.data, (long)st.st_uid);
	else if (st.st_mode & (S_IWGRP | S_IWOTH))
		buf_printf(e, "%s is writable by others (mode %03o)", dir.data,
			   (unsigned)(st.st_mode & 0777));
	else
		rc = 0;
	buf_free(&dir);
	return rc;
}

/* Writes b to path atomically: a new temporary file beside it (mkstemp:
 * O_EXCL, never an existing name or a symlink), synced, then renamed
 * over it.  0, or -1 with the reason in e. */
static int write_atomic(const char *path, const struct buf *b, struct buf *e)
{
	struct buf tmp = BUF_INIT;
	FILE *fp;
	int rc = -1, fd;

	buf_printf(&tmp, "%s.XXXXXX", path);
	fd = mkstemp(tmp.data);
	fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!fp) {
		buf_printf(e, "cannot write %s: %s", tmp.data, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp.data);
		}
		goto out;
	}
	if (fwrite(b->data, 1, b->len, fp) != b->len || fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
		buf_printf(e, "cannot write %s: %s", tmp.data, strerror(errno));
		fclose(fp);
		unlink(tmp.data);
		goto out;
	}
	if (fclose(fp) != 0 || rename(tmp.data, path) != 0) {
		buf_printf(e, "cannot save %s: %s", path, strerror(errno));
		unlink(tmp.data);
		goto out;
	}
	rc = 0;
out:
	buf_free(&tmp);
	return rc;
}

/* The stamp of the file at path now (known, size -1: none there). */
static void stamp_of(const char *path, struct session_stamp *st)
{
	struct stat sb;

	memset(st, 0, sizeof *st);
	st->known = 1;
	st->size = -1;
	if (stat(path, &sb) != 0)
		return;
	st->dev = (long long)sb.st_dev;
	st->ino = (long long)sb.st_ino;
	st->size = (long long)sb.st_size;
	st->mtime_ns = (long long)sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
}

static int stamp_same(const struct session_stamp *a, const struct session_stamp *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	       a->mtime_ns == b->mtime_ns;
}

int session_save(const char *path, const struct session *s, char **error)
{
	struct buf b = BUF_INIT, e = BUF_INIT;
	struct session_stamp now;
	int rc, changed;

	*error = NULL;
	session_format(&b, s);
	stamp_of(path, &now);
	changed = s->loaded.known && !stamp_same(&s->loaded, &now);
	rc = make_parents(path, &e) == 0 && check_dir(path, &e) == 0 ?
	     write_atomic(path, &b, &e) : -1;
	if (rc == 0 && changed) {
		buf_printf(&e, "%s changed since it was read (another werkbezoek saved "
			   "its session): this one, the later, replaces it", path);
		rc = 1;
	}
	if (rc)
		*error = buf_steal(&e);
	buf_free(&e);
	buf_free(&b);
	return rc;
}

/* Splits line into up to n space-separated fields. */
static size_t fields(char *line, char **f, size_t n)
{
	size_t k = 0;
	char *p = line;

	while (*p && k < n) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		f[k++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
	}
	return k;
}

/* A number field into *n; 0 when it is none. */
static int parse_size(const char *f, size_t *n)
{
	char *end;

	errno = 0;
	*n = strtoul(f, &end, 10);
	return end != f && !*end && !errno;
}

/* "TAG KIND ID BLOCK OFF [LINK LINK_OFF]": the selected link came later;
 * a line without it (an older session) selects none. */
static int parse_location(char **f, size_t nf, struct location *l)
{
	size_t k;

	if (nf != 5 && nf != 7)
		return 0;
	for (k = 0; k < sizeof(kind_names) / sizeof(kind_names[0]); k++)
		if (strcmp(f[1], kind_names[k]) == 0)
			break;
	if (k == sizeof(kind_names) / sizeof(kind_names[0]))
		return 0;
	location_clear(l);
	l->kind = (enum location_kind)k;
	l->id = get_escaped(f[2], strlen(f[2]));
	if (!l->id)
		return 0;
	if (!parse_size(f[3], &l->block) || !parse_size(f[4], &l->off))
		return 0;
	if (nf == 7 && (!parse_size(f[5], &l->link) || !parse_size(f[6], &l->link_off)))
		return 0;
	if (!*l->id) {
		free_const(l->id);
		l->id = NULL;
	}
	return 1;
}

/* "facet WHAT KEY": 0 when WHAT is not a known kind or a field is
 * malformed or empty. */
static int session_facet_line(struct session *s, const char *what, const char *key)
{
	char *w = get_escaped(what, strlen(what)), *k = get_escaped(key, strlen(key));
	int ok = w && k && *k && facet_what_known(w);

	if (ok)
		session_add_facet(s, w, k);
	free(w);
	free(k);
	return ok;
}

/* One line of a session file, split into its nf fields f, taken into s
 * (pos: the history position).  0 when the line is not one of ours. */
static int session_line(struct session *s, char **f, size_t nf, size_t *pos)
{
	struct location l = { LOC_NONE, NULL, 0, 0 };
	char *end, *p;
	int ok = 1;

	if (strcmp(f[0], "page") == 0 && parse_location(f, nf, &l)) {
		location_copy(&s->page, &l);
	} else if (strcmp(f[0], "history") == 0 && parse_location(f, nf, &l)) {
		s->hist.items = xgrow(s->hist.items, &s->hist.cap, s->hist.n + 1,
				      sizeof(*s->hist.items));
		memset(&s->hist.items[s->hist.n], 0, sizeof(l));
		location_copy(&s->hist.items[s->hist.n++], &l);
	} else if (strcmp(f[0], "jump") == 0 && parse_location(f, nf, &l)) {
		location_copy(&s->hist.last_jump, &l);
	} else if (strncmp(f[0], "mark-", 5) == 0 && f[0][5] >= 'a' && f[0][5] <= 'z' &&
		   !f[0][6] && parse_location(f, nf, &l)) {
		location_copy(&s->hist.marks[f[0][5] - 'a'], &l);
	} else if (strcmp(f[0], "position") == 0 && nf == 2) {
		*pos = strtoul(f[1], &end, 10);
		ok = !*end;
	} else if (strcmp(f[0], "search") == 0 && nf == 2 &&
		   (p = get_escaped(f[1], strlen(f[1]))) != NULL) {
		session_add_search(s, p);
		free(p);
	} else if (strcmp(f[0], "active") == 0 && nf == 3 &&
		   (p = get_escaped(f[1], strlen(f[1]))) != NULL) {
		errno = 0;
		session_set_active(s, p, strtoul(f[2], &end, 10));
		ok = !*end && !errno && *p;
		free(p);
	} else if (strcmp(f[0], "facet") == 0 && nf == 3) {
		ok = session_facet_line(s, f[1], f[2]);
	} else {
		ok = 0;
	}
	location_clear(&l);
	return ok;
}

/* The next line of fp into line, without its newline; the last character
 * read (EOF at the end).  A line longer than MAX_LINE stops there. */
static int read_line(FILE *fp, struct buf *line)
{
	int ch;

	buf_reset(line);
	while ((ch = getc(fp)) != EOF && ch != '\n' && line->len < MAX_LINE)
		buf_addc(line, (char)ch);
	return ch;
}

/* path opened for reading if it is a regular file of at most
 * MAX_SESSION bytes (O_NONBLOCK: a FIFO is never waited on); NULL with
 * errno ENOENT when there is none, else with the reason in e. */
static FILE *open_session(const char *path, struct buf *e)
{
	struct stat st;
	FILE *fp;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		if (errno != ENOENT)
			buf_printf(e, "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0)
		buf_printf(e, "cannot read %s: %s", path, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		buf_printf(e, "%s: not a regular file; ignored", path);
	else if (st.st_size > MAX_SESSION)
		buf_printf(e, "%s: %lld bytes, more than %d; ignored", path,
			   (long long)st.st_size, MAX_SESSION);
	else if ((fp = fdopen(fd, "r")) != NULL)
		return fp;
	else
		buf_printf(e, "cannot read %s: %s", path, strerror(errno));
	close(fd);
	errno = EINVAL;
	return NULL;
}

int session_load(const char *path, struct session *s, char **error)
{
	struct buf line = BUF_INIT, e = BUF_INIT;
	FILE *fp = open_session(path, &e);
	long lineno = 0;
	int ch = 0, rc = 1;
	size_t pos = 0, nf;
	char *f[8];

	*error = NULL;
	stamp_of(path, &s->loaded);
	if (!fp) {
		if (!e.len)
			return 0;
		*error = buf_steal(&e);
		return -1;
	}
	while (ch != EOF) {
		ch = read_line(fp, &line);
		if (ch == EOF && !line.len)
			break;
		lineno++;
		if (line.len >= MAX_LINE || (line.len && memchr(line.data, '\0', line.len)))
			goto corrupt;
		if (lineno == 1 && (!line.data || strcmp(line.data, MAGIC) != 0))
			goto corrupt;
		if (lineno == 1 || !line.len || (nf = fields(line.data, f, 8)) == 0)
			continue;
		if (!session_line(s, f, nf, &pos))
			goto corrupt;
	}
	if (lineno == 0)
		goto corrupt;
	s->hist.pos = s->hist.n ? (pos < s->hist.n ? pos : s->hist.n - 1) : 0;
	history_cap(&s->hist);
	goto out;
corrupt:
	buf_printf(&e, "%s:%ld: not a werkbezoek session file; ignored", path, lineno ? lineno : 1);
	*error = buf_steal(&e);
	{
		struct session_stamp keep = s->loaded;

		session_free(s);
		session_init(s);
		s->loaded = keep;
	}
	rc = -1;
out:
	fclose(fp);
	buf_free(&line);
	buf_free(&e);
	return rc;
}

void session_keep(struct session *s, int (*exists)(const struct location *l, void *arg),
		  void *arg)
{
	size_t i, kept = 0, pos = 0;

	for (i = 0; i < s->hist.n; i++) {
		if (!exists(&s->hist.items[i], arg)) {
			location_clear(&s->hist.items[i]);
			continue;
		}
		if (i <= s->hist.pos)
			pos = kept;
		if (kept != i) {
			s->hist.items[kept] = s->hist.items[i];
			memset(&s->hist.items[i], 0, sizeof(s->hist.items[i]));
		}
		kept++;
	}
	s->hist.n = kept;
	s->hist.pos = pos;
	if (s->hist.last_jump.kind != LOC_NONE && !exists(&s->hist.last_jump, arg))
		location_clear(&s->hist.last_jump);
	for (i = 0; i < MARKS; i++)
		if (s->hist.marks[i].kind != LOC_NONE && !exists(&s->hist.marks[i], arg))
			location_clear(&s->hist.marks[i]);
	if (s->page.kind != LOC_NONE && !exists(&s->page, arg))
		location_clear(&s->page);
}
