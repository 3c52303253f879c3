/* module_export.c: the table mangu-media.so exports (module.h); the only visible symbol. */
#include "media/module.h"

__attribute__((visibility("default"))) const struct media_module mangu_media_module = {
    .abi = MEDIA_MODULE_ABI,
    .init = media_init,
    .release = media_release,
    .check_manuscript = media_check_manuscript,
    .check_manuscript_file = media_check_manuscript_file,
    .check_cover = media_check_cover,
    .cover_thumbnails = media_cover_thumbnails,
    .share_card = image_share_card,
    .epub_build = epub_build,
};
