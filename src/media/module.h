/*
 * module.h: the media module's entry points. libvips, libmagic, libxml2, libzip and qpdf map
 * about 20 MB into a process, so the server keeps them in mangu-media.so, loaded on the first
 * upload, cover or share card (loader.c) instead of at start; tests link the code directly.
 */
#ifndef MANGU_MEDIA_MODULE_H
#define MANGU_MEDIA_MODULE_H

#include "media/epub_build.h"
#include "media/media.h"

#define MEDIA_MODULE_ABI 1
#define MEDIA_MODULE_SYMBOL "mangu_media_module"
#define MEDIA_MODULE_FILE "mangu-media.so"

/* What mangu-media.so exports as MEDIA_MODULE_SYMBOL: the functions of media.h, image.h and
 * epub_build.h that callers outside src/media use. */
struct media_module {
    int abi; /* MEDIA_MODULE_ABI of the build that made it */
    int (*init)(void);
    void (*release)(void);
    int (*check_manuscript)(struct arena *a, const struct media_limits *l, int fd,
                            const char *declared_type, struct manuscript_report *r);
    int (*check_manuscript_file)(struct arena *a, const struct media_limits *l, const char *path,
                                 const char *declared_type, struct manuscript_report *r);
    int (*check_cover)(struct arena *a, const struct media_limits *l, const unsigned char *data,
                       size_t len, const char *declared_type, struct cover_report *r);
    int (*cover_thumbnails)(struct arena *a, const struct media_limits *l,
                            const unsigned char *data, size_t len, const char *declared_type,
                            struct cover_report *r, struct thumbnail out[IMAGE_N_THUMBS]);
    int (*share_card)(struct arena *a, const unsigned char *data, size_t len, bool svg,
                      const unsigned char **png, size_t *png_len, char *why, size_t why_len);
    int (*epub_build)(struct arena *a, const struct epub_book *b, unsigned char **out,
                      size_t *len);
};

#endif
