/* media_fixture.h: the fixture the manuscript tests share: an arena, default limits, a report,
 * and a check of a test data file. Include after <cmocka.h>. */
#ifndef MANGU_MEDIA_FIXTURE_H
#define MANGU_MEDIA_FIXTURE_H

#include "core/arena.h"
#include "media/media.h"
#include "media_test.h"

struct media_fixture {
    struct arena *a;
    struct media_limits l;
    struct manuscript_report r;
};

static inline int media_setup(void **state)
{
    struct media_fixture *f = calloc(1, sizeof(*f));

    f->a = arena_new();
    media_limits_default(&f->l);
    *state = f;
    return 0;
}

static inline int media_teardown(void **state)
{
    struct media_fixture *f = *state;

    arena_free(f->a);
    free(f);
    return 0;
}

/* A checker of manuscript bytes: epub_check or pdf_check. */
typedef int (*media_check_fn)(struct arena *a, const unsigned char *data, size_t len,
                              const struct media_limits *l, struct manuscript_report *r);

/* Reads test data file "rel" and runs "check" on it in-process; its result. */
static inline int media_check_testdata(struct media_fixture *f, media_check_fn check,
                                       const char *rel)
{
    size_t len;
    unsigned char *p = slurp(testdata(rel), &len);

    assert_non_null(p);
    int rc = check(f->a, p, len, &f->l, &f->r);
    free(p);
    return rc;
}

#endif
