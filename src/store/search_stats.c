/* search_stats.c (store): PostgreSQL's statistics of the search documents, kept in memory. */
#include "store/search_stats.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "core/xalloc.h"
#include "store/sql.h"

struct word_share {
    char *word;
    double share;
};

struct search_stats {
    pthread_mutex_t mu;
    struct word_share *words; /* sorted by word */
    int n;
    long long max_id;
    time_t read_at; /* 0: never read */
    bool reading;   /* one thread reads; the others go on with what is here */
};

/* The highest id always; the listed words only once ANALYZE has seen the table. The
 * frequencies array holds three more numbers than there are words (min, max, null share):
 * unnest pads the words with NULLs for them. */
static const char SQL_READ[] =
    "SELECT m.id, u.word, u.share FROM (SELECT max(book_id) AS id FROM book_search) m "
    "LEFT JOIN (SELECT w.word, w.share FROM pg_stats s, "
    "unnest(CAST(CAST(s.most_common_elems AS TEXT) AS TEXT[]), s.most_common_elem_freqs) "
    "AS w(word, share) WHERE s.schemaname = current_schema() AND s.tablename = 'book_search' "
    "AND s.attname = 'document' AND w.word IS NOT NULL) u ON true";

struct search_stats *search_stats_new(void)
{
    struct search_stats *s = xcalloc(1, sizeof(*s));

    pthread_mutex_init(&s->mu, NULL);
    return s;
}

static void free_words(struct word_share *w, int n)
{
    for (int i = 0; i < n; i++)
        free(w[i].word);
    free(w);
}

void search_stats_free(struct search_stats *s)
{
    if (!s)
        return;
    free_words(s->words, s->n);
    pthread_mutex_destroy(&s->mu);
    free(s);
}

static int by_word(const void *a, const void *b)
{
    return strcmp(((const struct word_share *)a)->word, ((const struct word_share *)b)->word);
}

/* Swaps in "n" words (owned, sorted here) and the highest id. */
static void install(struct search_stats *s, struct word_share *w, int n, long long max_id)
{
    qsort(w, (size_t)n, sizeof(*w), by_word);
    pthread_mutex_lock(&s->mu);
    struct word_share *old = s->words;
    int n_old = s->n;
    s->words = w;
    s->n = n;
    s->max_id = max_id;
    s->read_at = time(NULL);
    s->reading = false;
    pthread_mutex_unlock(&s->mu);
    free_words(old, n_old);
}

void search_stats_set(struct search_stats *s, const char *const *words, const double *shares,
                      int n, long long max_id)
{
    struct word_share *w = xcalloc((size_t)n + 1, sizeof(*w));

    for (int i = 0; i < n; i++)
        w[i] = (struct word_share){xstrdup(words[i]), shares[i]};
    install(s, w, n, max_id);
}

/* Reads the statistics into "s"; on failure keeps what it had until the next TTL. */
static void read_stats(struct ctx *cx, struct search_stats *s)
{
    struct db_result *r;
    struct word_share *w;
    int n = 0;

    if (cx_query(cx, SQL_READ, NULL, 0, &r) != 0) {
        log_warn("search statistics not read: %s", cx->err_msg ? cx->err_msg : "?");
        cx->err_code = 0, cx->err_msg = NULL, cx->err_details = NULL;
        pthread_mutex_lock(&s->mu);
        s->read_at = time(NULL);
        s->reading = false;
        pthread_mutex_unlock(&s->mu);
        return;
    }
    w = xcalloc((size_t)r->nrows + 1, sizeof(*w));
    for (int i = 0; i < r->nrows; i++)
        if (db_get(r, i, 1))
            w[n++] = (struct word_share){xstrdup(db_get(r, i, 1)), sql_double(r, i, 2)};
    install(s, w, n, r->nrows > 0 ? db_get_int(r, 0, 0) : 0);
}

/* Whether this thread should read the statistics now (and is then the only one to). */
static bool due(struct search_stats *s)
{
    bool go;

    pthread_mutex_lock(&s->mu);
    go = !s->reading && (s->read_at == 0 || time(NULL) - s->read_at >= SEARCH_STATS_TTL_S);
    if (go)
        s->reading = true;
    pthread_mutex_unlock(&s->mu);
    return go;
}

bool store_search_stats_share(struct ctx *cx, const char *const *words, int n, double *share,
                              long long *max_id)
{
    struct search_stats *s = cx->app->search_stats;
    bool known = n > 0;

    *share = 1.0;
    *max_id = 0;
    if (!s)
        return false;
    if (due(s))
        read_stats(cx, s);
    pthread_mutex_lock(&s->mu);
    for (int i = 0; known && i < n; i++) {
        struct word_share key = {(char *)words[i], 0}, *hit;
        hit = s->n ? bsearch(&key, s->words, (size_t)s->n, sizeof(key), by_word) : NULL;
        known = hit != NULL;
        if (hit)
            *share *= hit->share;
    }
    *max_id = s->max_id;
    pthread_mutex_unlock(&s->mu);
    return known && *max_id > 0;
}
