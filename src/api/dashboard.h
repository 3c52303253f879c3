/* dashboard.h (api): an author's books and their numbers. */
#ifndef MANGU_API_DASHBOARD_H
#define MANGU_API_DASHBOARD_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

/* GET /api/me/books: books I am credited on (drafts too), with views, sales and revenue. */
int api_dashboard_books(struct ctx *cx, struct http_request *req, struct http_response *res);
/* GET /api/me/books/{id}/stats?days=30: daily views, purchases and revenue for a chart. */
int api_dashboard_stats(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
