/* admin.c: /api/admin: users (search, role, status) and the audit log. */
#include "api/users.h"
#include "api/paging.h"
#include "service/accounts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A lower-case LIKE pattern matching "q" anywhere, with % and _ taken literally. */
static const char *like_pattern(struct ctx *cx, const char *q)
{
    if (!q || !*q)
        return NULL;
    size_t n = strnlen(q, 200);
    char *out = arena_alloc(cx->arena, n * 2 + 3), *o = out;

    *o++ = '%';
    for (size_t i = 0; i < n; i++) {
        if (q[i] == '%' || q[i] == '_' || q[i] == '\\')
            *o++ = '\\';
        *o++ = (char)tolower((unsigned char)q[i]);
    }
    *o++ = '%';
    *o = '\0';
    return out;
}

int api_admin_users_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct user_filter f = {.q = like_pattern(cx, http_request_query(req, "q")),
                            .role = http_request_query(req, "role")};
    struct user *users;
    int n;
    long long total;
    int rc = api_page_parse(cx, req, &f.limit, &f.offset);

    if (rc == 0 && f.role && strcmp(f.role, "reader") && strcmp(f.role, "author") &&
        strcmp(f.role, "admin"))
        rc = cx_fail(cx, ERR_INVALID, "role must be reader, author or admin");
    if (rc == 0)
        rc = store_users_list(cx, &f, &users, &n, &total);
    if (rc != 0)
        return rc;
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, user_to_json(&users[i]));
    http_respond_json_new(res, 200, api_page_json(items, total, f.limit, f.offset));
    return 0;
}

int api_admin_users_update(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    char *end;
    const char *id_s = http_request_param(req, "id");
    long long id = strtoll(id_s, &end, 10);
    struct user u;

    if (*id_s == '\0' || *end != '\0' || id <= 0)
        return cx_fail(cx, ERR_NOT_FOUND, "no such user");
    int rc = admin_users_update(cx, id, req->json, &u);
    if (rc == 0)
        http_respond_json_new(res, 200, json_pack("{s:o}", "user", user_to_json(&u)));
    return rc;
}

int api_admin_audit_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long limit, offset, total;
    json_t *items;
    int rc = api_page_parse(cx, req, &limit, &offset);

    if (rc == 0)
        rc = store_audit_list(cx, limit, offset, &items, &total);
    if (rc == 0)
        http_respond_json_new(res, 200, api_page_json(items, total, limit, offset));
    return rc;
}
