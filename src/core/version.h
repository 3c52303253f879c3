/* version.h: the release number reported by `mangu version` and /api/health. */
#ifndef MANGU_VERSION_H
#define MANGU_VERSION_H

#define MANGU_VERSION "0.1.0"

#endif
