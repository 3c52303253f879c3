/* outbox.c: GET /api/admin/outbox, the operator's list of queued, sent and failed mail. */
#include "api/outbox.h"
#include "api/paging.h"
#include "api/users.h"
#include "service/mail.h"

static json_t *outbox_to_json(const struct outbox_email *e)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:i, s:s?, s:s, s:s?}", "id",
                     (json_int_t)e->id, "kind", e->kind, "to", e->to, "subject", e->subject,
                     "body_text", e->body_text, "status", e->status, "attempts", e->attempts,
                     "last_error", e->last_error, "created_at", e->created_at, "sent_at",
                     e->sent_at);
}

int api_outbox_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long limit, offset, total = 0;
    struct outbox_email *items = NULL;
    int n = 0;
    int rc = api_page_parse(cx, req, &limit, &offset);

    if (rc == 0)
        rc = mail_outbox_list(cx, http_request_query(req, "to"), limit, offset, &items, &n, &total);
    if (rc != 0)
        return rc;
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, outbox_to_json(&items[i]));
    http_respond_json_new(res, 200, api_page_json(arr, total, limit, offset));
    return 0;
}
