/* library.c (api): a reader's owned books, progress, annotations and wishlist. */
#include "api/library.h"
#include "api/paging.h"
#include "api/catalog.h"
#include "api/users.h"
#include "service/library.h"

#include <string.h>

/* The "{name}" path parameter as an id; ERR_NOT_FOUND when it is not one. */
static int path_id(struct ctx *cx, struct http_request *req, const char *name, long long *id)
{
    if (!catalog_parse_id(http_request_param(req, name), id))
        return cx_fail(cx, ERR_NOT_FOUND, "no such %s", strcmp(name, "id") ? "book" : "item");
    return 0;
}

/* The entry's book summary, saying whether a free sample can be read. */
static json_t *entry_book_json(const struct library_entry *e)
{
    json_t *book = api_book_summary(&e->book);

    json_object_set_new(book, "has_sample", json_boolean(e->book_has_sample));
    return book;
}

static json_t *entry_json(const struct library_entry *e)
{
    return json_pack("{s:o, s:s, s:f, s:s?, s:s?, s:s?, s:s?, s:s, s:I}", "book",
                     entry_book_json(e), "source", e->source, "progress", e->progress,
                     "position", e->position, "position_device", e->position_device,
                     "position_device_name", e->position_device_name, "last_read_at",
                     e->last_read_at, "added_at", e->added_at, "downloads",
                     (json_int_t)e->downloads);
}

static int list(struct ctx *cx, struct http_request *req, struct http_response *res,
                bool started)
{
    static const char *const sorts[] = {"last_read", "added", "title"};
    const char *sort = http_request_query(req, "sort");
    enum library_sort s = LIBRARY_SORT_LAST_READ;
    long long limit, offset, total;
    struct library_entry *items;
    int n, rc = api_page_parse(cx, req, &limit, &offset);

    int known = !sort;

    for (int i = 0; sort && i < 3; i++)
        if (strcmp(sort, sorts[i]) == 0) {
            s = (enum library_sort)i;
            known = 1;
        }
    if (rc == 0 && !known)
        rc = cx_fail(cx, ERR_INVALID, "sort must be last_read, added or title");
    if (rc == 0)
        rc = store_library_list(cx, cx->user_id, s, (int)limit, offset, started, &items, &n,
                                &total);
    if (rc != 0)
        return rc;
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, entry_json(&items[i]));
    http_respond_json_new(res, 200, api_page_json(arr, total, limit, offset));
    return 0;
}

int api_library_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return list(cx, req, res, false);
}

int api_library_continue(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return list(cx, req, res, true);
}

static int find_entry(struct ctx *cx, struct http_request *req, struct library_entry *e)
{
    long long book_id;
    int rc = path_id(cx, req, "book_id", &book_id);

    if (rc == 0 && (rc = store_library_find(cx, cx->user_id, book_id, e)) == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "this book is not in your library");
    return rc;
}

int api_library_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct library_entry e;
    int rc = find_entry(cx, req, &e);

    if (rc == 0)
        http_respond_json_new(res, 200, entry_json(&e));
    return rc;
}

int api_library_claim(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long book_id;
    bool added = false;
    struct library_entry e;
    int rc = path_id(cx, req, "book_id", &book_id);

    if (rc == 0)
        rc = library_claim(cx, book_id, &added);
    if (rc == 0)
        rc = store_library_find(cx, cx->user_id, book_id, &e);
    if (rc == 0)
        http_respond_json_new(res, added ? 201 : 200, entry_json(&e));
    return rc;
}

static json_t *positions_json(const struct reading_position *d, int n)
{
    json_t *arr = json_array();

    for (int i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:s, s:s?, s:s?, s:f, s:s?}", "device_id",
                                             d[i].device_id, "device_name", d[i].device_name,
                                             "position", d[i].position, "progress",
                                             d[i].progress, "updated_at", d[i].updated_at));
    return arr;
}

/*
 * The latest position (from whichever device saved it last, named by "device_name") and each
 * device's own last position under "devices".
 */
int api_library_progress_show(struct ctx *cx, struct http_request *req,
                              struct http_response *res)
{
    struct library_entry e;
    struct reading_position *devices;
    int n = 0, rc = find_entry(cx, req, &e);

    if (rc == 0)
        rc = store_library_positions(cx, cx->user_id, e.book.id, &devices, &n);
    if (rc == 0)
        http_respond_json_new(
            res, 200,
            json_pack("{s:s?, s:f, s:s?, s:s?, s:s?, s:o}", "position", e.position, "progress",
                      e.progress, "device_id", e.position_device, "device_name",
                      e.position_device_name, "updated_at", e.last_read_at, "devices",
                      positions_json(devices, n)));
    return rc;
}

int api_library_progress_update(struct ctx *cx, struct http_request *req,
                                struct http_response *res)
{
    long long book_id;
    json_t *b = req->json;
    struct progress_in in = {json_string_value(json_object_get(b, "position")),
                             json_is_number(json_object_get(b, "progress"))
                                 ? json_number_value(json_object_get(b, "progress"))
                                 : -1,
                             json_string_value(json_object_get(b, "device_id")),
                             json_string_value(json_object_get(b, "device_name"))};
    int rc = path_id(cx, req, "book_id", &book_id);

    if (rc == 0)
        rc = library_save_progress(cx, book_id, &in);
    if (rc == 0)
        return api_library_progress_show(cx, req, res);
    return rc;
}

static json_t *annotation_json(const struct annotation *a)
{
    return json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:s?, s:s, s:s}", "id", (json_int_t)a->id,
                     "kind", a->kind, "position", a->position, "text", a->text, "note", a->note,
                     "color", a->color, "created_at", a->created_at, "updated_at",
                     a->updated_at);
}

int api_annotations_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct library_entry e;
    struct annotation *items;
    int n, rc = find_entry(cx, req, &e);

    if (rc == 0)
        rc = store_annotations_list(cx, cx->user_id, e.book.id, &items, &n);
    if (rc != 0)
        return rc;
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, annotation_json(&items[i]));
    http_respond_json_new(res, 200, json_pack("{s:o}", "items", arr));
    return 0;
}

static int one_annotation(struct ctx *cx, long long book_id, long long id,
                          struct http_response *res, int status)
{
    struct annotation *items;
    int n, rc = store_annotations_list(cx, cx->user_id, book_id, &items, &n);

    for (int i = 0; rc == 0 && i < n; i++)
        if (items[i].id == id) {
            http_respond_json_new(res, status, annotation_json(&items[i]));
            return 0;
        }
    return rc ? rc : cx_fail(cx, ERR_NOT_FOUND, "no such annotation");
}

int api_annotations_create(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long book_id = 0, id = 0;
    int rc = path_id(cx, req, "book_id", &book_id);

    if (rc == 0)
        rc = annotations_create(cx, book_id, req->json, &id);
    return rc ? rc : one_annotation(cx, book_id, id, res, 201);
}

int api_annotations_update(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long book_id = 0, id = 0;
    int rc = path_id(cx, req, "book_id", &book_id);

    if (rc == 0)
        rc = path_id(cx, req, "id", &id);
    if (rc == 0)
        rc = annotations_update(cx, id, req->json);
    return rc ? rc : one_annotation(cx, book_id, id, res, 200);
}

int api_annotations_delete(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    int rc = path_id(cx, req, "id", &id);

    if (rc == 0 && (rc = store_annotations_delete(cx, cx->user_id, id)) == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no such annotation");
    if (rc == 0)
        http_respond_bytes(res, 204, NULL, "", 0);
    return rc;
}

int api_annotations_export(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long book_id;
    const char *md;
    int rc = path_id(cx, req, "book_id", &book_id);

    if (rc == 0)
        rc = annotations_markdown(cx, book_id, &md);
    if (rc == 0) {
        http_respond_bytes(res, 200, "text/markdown; charset=utf-8", md, strlen(md));
        http_response_header(res, "Content-Disposition", "attachment; filename=\"notes.md\"");
    }
    return rc;
}

int api_wishlist_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long limit, offset, total;
    struct book *items;
    int n, rc = api_page_parse(cx, req, &limit, &offset);

    if (rc == 0)
        rc = store_wishlist_list(cx, cx->user_id, (int)limit, offset, &items, &n, &total);
    if (rc == 0)
        http_respond_json_new(res, 200, api_page_json(api_book_summaries(items, n), total, limit,
                                                      offset));
    return rc;
}

int api_wishlist_add(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long book_id, price;
    bool published;
    int rc = path_id(cx, req, "book_id", &book_id);

    if (rc == 0 && ((rc = store_library_book_price(cx, book_id, &price, &published)) ==
                        ERR_NOT_FOUND ||
                    (rc == 0 && !published)))
        return cx_fail(cx, ERR_NOT_FOUND, "no such book");
    if (rc == 0)
        rc = store_wishlist_add(cx, cx->user_id, book_id);
    if (rc == 0)
        http_respond_bytes(res, 204, NULL, "", 0);
    return rc;
}

int api_wishlist_remove(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long book_id;
    int rc = path_id(cx, req, "book_id", &book_id);

    if (rc == 0)
        rc = store_wishlist_remove(cx, cx->user_id, book_id);
    if (rc == 0)
        http_respond_bytes(res, 204, NULL, "", 0);
    return rc;
}
