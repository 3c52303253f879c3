/* coupons.h: admins create and edit coupons; every field is validated here. */
#ifndef MANGU_SERVICE_COUPONS_H
#define MANGU_SERVICE_COUPONS_H

#include <jansson.h>

#include "app/ctx.h"
#include "store/coupons.h"

/*
 * "body" holds code, kind (percent|fixed), amount, currency (fixed only), starts_at, ends_at
 * (RFC 3339, or null), max_redemptions (or null), active and book_ids (limits the coupon to
 * these books; [] for all). Field errors are ERR_INVALID with details.fields; a taken code is
 * ERR_CONFLICT. Each change writes an audit row.
 */
int coupons_create(struct ctx *cx, json_t *body, struct coupon *out);
/* Changes the fields "patch" holds; the rest stay. ERR_NOT_FOUND. */
int coupons_update(struct ctx *cx, long long id, json_t *patch, struct coupon *out);

#endif
