/*
 * loader.c: media.h, image_share_card() and epub_build() for the server binaries, forwarded to
 * mangu-media.so, which is loaded on first use from the executable's folder (module.h says
 * why). Linked into `mangu` and `mangu-test` only; unit tests link src/media directly.
 */
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/err.h"
#include "core/log.h"
#include "media/module.h"

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const struct media_module *module; /* NULL until loaded; stays NULL when loading failed */

/* The module's path: beside the running executable. False when it cannot be told. */
static bool module_path(char *out, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

    if (n <= 0)
        return false;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return snprintf(out, size, "%s/%s", exe, MEDIA_MODULE_FILE) < (int)size;
}

static void load(void)
{
    char path[PATH_MAX];
    void *h;
    const struct media_module *m;

    if (!module_path(path, sizeof(path))) {
        log_error("media module: cannot locate the executable's folder");
        return;
    }
    if (!(h = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
        log_error("media module: %s", dlerror());
        return;
    }
    m = dlsym(h, MEDIA_MODULE_SYMBOL);
    if (!m || m->abi != MEDIA_MODULE_ABI) {
        log_error("media module %s: %s", path, m ? "built for another mangu" : dlerror());
        return;
    }
    if (m->init() != 0) {
        log_error("media module: cannot start libmagic, libxml2 or libvips");
        return;
    }
    module = m; /* the handle stays open: glib and libvips do not unload */
}

static const struct media_module *loaded(void)
{
    pthread_once(&load_once, load);
    return module;
}

int media_init(void)
{
    char path[PATH_MAX];

    /* Only checks that the module is there, so a broken install fails at start, not on the
     * first upload; the libraries themselves load on first use. */
    if (!module_path(path, sizeof(path)) || access(path, R_OK) != 0) {
        log_error("media module %s is missing (install it beside the mangu binary)",
                  MEDIA_MODULE_FILE);
        return -1;
    }
    return 0;
}

void media_release(void)
{
    if (module)
        module->release();
}

int media_check_manuscript(struct arena *a, const struct media_limits *l, int fd,
                           const char *declared_type, struct manuscript_report *r)
{
    const struct media_module *m = loaded();

    return m ? m->check_manuscript(a, l, fd, declared_type, r) : ERR_UNAVAILABLE;
}

int media_check_manuscript_file(struct arena *a, const struct media_limits *l, const char *path,
                                const char *declared_type, struct manuscript_report *r)
{
    const struct media_module *m = loaded();

    return m ? m->check_manuscript_file(a, l, path, declared_type, r) : ERR_UNAVAILABLE;
}

int media_check_cover(struct arena *a, const struct media_limits *l, const unsigned char *data,
                      size_t len, const char *declared_type, struct cover_report *r)
{
    const struct media_module *m = loaded();

    return m ? m->check_cover(a, l, data, len, declared_type, r) : ERR_UNAVAILABLE;
}

int media_cover_thumbnails(struct arena *a, const struct media_limits *l, const unsigned char *data,
                           size_t len, const char *declared_type, struct cover_report *r,
                           struct thumbnail out[IMAGE_N_THUMBS])
{
    const struct media_module *m = loaded();

    return m ? m->cover_thumbnails(a, l, data, len, declared_type, r, out) : ERR_UNAVAILABLE;
}

int image_share_card(struct arena *a, const unsigned char *data, size_t len, bool svg,
                     const unsigned char **png, size_t *png_len, char *why, size_t why_len)
{
    const struct media_module *m = loaded();

    if (m)
        return m->share_card(a, data, len, svg, png, png_len, why, why_len);
    snprintf(why, why_len, "the media module is not available");
    return -1;
}

int epub_build(struct arena *a, const struct epub_book *b, unsigned char **out, size_t *len)
{
    const struct media_module *m = loaded();

    return m ? m->epub_build(a, b, out, len) : -1;
}
