/* sigv4_cli.c: prints the S3 driver's presigned URL for name=value arguments (tests/http/3000). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "blob/blob.h"
#include "blob/driver.h"

/*
 * build/tests/sigv4-cli method=PUT|GET endpoint=ORIGIN path_style=0|1 bucket=B region=R key=K
 *     expires=S time=UNIX access_key=A secret_key=S [token=T] [content_type=C size=N] [version=V]
 * Writes the URL on one line; exit 2 on bad arguments, 1 when signing fails.
 */
static const char *arg(int argc, char **argv, const char *name)
{
    size_t n = strlen(name);

    for (int i = 1; i < argc; i++)
        if (strncmp(argv[i], name, n) == 0 && argv[i][n] == '=')
            return argv[i] + n + 1;
    return NULL;
}

int main(int argc, char **argv)
{
    struct config cfg;
    struct buf why = BUF_INIT;
    struct blob_store *s;
    struct blob_target t;
    const char *method = arg(argc, argv, "method"), *size = arg(argc, argv, "size");
    const char *expires = arg(argc, argv, "expires"), *when = arg(argc, argv, "time");
    const char *path_style = arg(argc, argv, "path_style");

    if (sodium_init() < 0 || !method || !expires || !when) {
        fprintf(stderr, "usage: see tests/unit/blob/sigv4_cli.c\n");
        return 2;
    }
    memset(&cfg, 0, sizeof(cfg));
    cfg.data_dir = "/tmp";
    cfg.s3_bucket = (char *)arg(argc, argv, "bucket");
    cfg.s3_region = (char *)arg(argc, argv, "region");
    cfg.s3_endpoint = (char *)arg(argc, argv, "endpoint");
    cfg.s3_path_style = !path_style || strcmp(path_style, "1") == 0;
    cfg.aws_access_key_id = (char *)arg(argc, argv, "access_key");
    cfg.aws_secret_access_key = (char *)arg(argc, argv, "secret_key");
    cfg.aws_session_token = (char *)arg(argc, argv, "token");
    if (blob_open(&cfg, &s, &why) != 0) {
        fprintf(stderr, "sigv4-cli: %s\n", why.p);
        return 2;
    }
    struct arena *a = arena_new();
    struct blob_presign p = {method,
                             arg(argc, argv, "key"),
                             arg(argc, argv, "content_type"),
                             size ? atoll(size) : -1,
                             arg(argc, argv, "version"),
                             atoi(expires)};
    int rc = blob_presign_at(s, a, &p, (time_t)atoll(when), &t);
    if (rc == 0)
        printf("%s\n", t.url);
    else
        fprintf(stderr, "sigv4-cli: cannot sign (%d)\n", rc);
    arena_free(a);
    blob_close(s);
    buf_release(&why);
    return rc == 0 ? 0 : 1;
}
