/* pdf.h: validating a PDF in memory with qpdf: header, pages, encryption, active content. */
#ifndef MANGU_MEDIA_PDF_H
#define MANGU_MEDIA_PDF_H

#include <stddef.h>

#include "core/arena.h"
#include "media/limits.h"
#include "media/report.h"

/*
 * Checks the PDF in "data" (borrowed) and fills "r" in "a": version, page count, encryption,
 * linearization, JavaScript, and the title, author, subject and language the document declares.
 * qpdf repairs what it can (a wrong /Length, a broken xref): repairs become one warning. Refused
 * (ERR_UNPROCESSABLE): no "%PDF-" header in the first 1024 bytes, damage qpdf cannot repair, a
 * password needed to open it, no pages. Accepted with a warning and a flag: encrypted but
 * openable without a password, JavaScript or Launch actions. Runs in the calling process: use
 * media_check_manuscript() for the isolated, bounded version. Returns 0 or the refusal's code.
 */
int pdf_check(struct arena *a, const unsigned char *data, size_t len, const struct media_limits *l,
              struct manuscript_report *r);

#endif
