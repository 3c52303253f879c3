/* range.h: the single-range form of the Range header ("bytes=a-b", "bytes=a-", "bytes=-n"). */
#ifndef MANGU_RANGE_H
#define MANGU_RANGE_H

enum range_outcome {
    RANGE_NONE,         /* no header or a form we ignore (multiple ranges): send it all */
    RANGE_OK,           /* send "len" bytes from "start" with 206 */
    RANGE_UNSATISFIABLE /* 416 with Content-Range: bytes * / size */
};

/* Interprets "header" (may be NULL) for a body of "size" bytes. */
enum range_outcome range_parse(const char *header, long long size, long long *start,
                               long long *len);

#endif
