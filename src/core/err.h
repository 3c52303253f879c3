/* err.h: the error codes every layer returns; zero is always success. */
#ifndef MANGU_ERR_H
#define MANGU_ERR_H

enum err {
    ERR_OK = 0,
    ERR_INVALID = -1,      /* input fails validation */
    ERR_BAD_REQUEST = -2,  /* input cannot be parsed */
    ERR_UNAUTHORIZED = -3, /* no or bad credentials */
    ERR_FORBIDDEN = -4,
    ERR_NOT_FOUND = -5,
    ERR_METHOD = -6, /* known path, other method */
    ERR_CONFLICT = -7,
    ERR_TOO_LARGE = -8,
    ERR_MEDIA_TYPE = -9,
    ERR_UNPROCESSABLE = -10,
    ERR_RATE_LIMITED = -11,
    ERR_UNAVAILABLE = -12, /* database, cache or storage down */
    ERR_INTERNAL = -13,
};

/* The stable machine-readable name of "code", as the API's error.code. */
const char *err_name(int code);

#endif
