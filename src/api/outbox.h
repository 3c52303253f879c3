/* outbox.h: the operator's view of the mail outbox. */
#ifndef MANGU_API_OUTBOX_H
#define MANGU_API_OUTBOX_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

/* GET /api/admin/outbox?limit=&offset=&to= (admin): queued, sent and failed mail. */
int api_outbox_list(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
