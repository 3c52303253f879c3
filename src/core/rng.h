/* rng.h: a small deterministic pseudo-random generator (splitmix64), not for secrets. */
#ifndef MANGU_RNG_H
#define MANGU_RNG_H

#include <stddef.h>
#include <stdint.h>

/* Same seed, same sequence, on every machine: for demo data and generated art only. */
struct rng {
    uint64_t state;
};

static inline void rng_seed(struct rng *r, uint64_t seed)
{
    r->state = seed;
}

/* FNV-1a of "s" (NUL-terminated): a seed derived from a name such as a slug. */
static inline uint64_t rng_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;

    while (s && *s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
    return h;
}

static inline uint64_t rng_next(struct rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ULL);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n); 0 when "n" is 0. */
static inline uint32_t rng_below(struct rng *r, uint32_t n)
{
    return n ? (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32) : 0;
}

/* Uniform in [lo, hi] (inclusive). */
static inline int rng_range(struct rng *r, int lo, int hi)
{
    return hi <= lo ? lo : lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

/* Uniform in [0, 1). */
static inline double rng_unit(struct rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* One element of a static array: RNG_PICK(&r, names). */
#define RNG_PICK(r, arr) ((arr)[rng_below((r), (uint32_t)(sizeof(arr) / sizeof((arr)[0])))])

#endif
