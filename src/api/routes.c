/* routes.c: the table of contents of the HTTP API: every route, its handler and its flags. */
#include "api/authors.h"
#include "api/books.h"
#include "api/categories.h"
#include "api/commerce.h"
#include "api/covers.h"
#include "api/dispatch.h"
#include "api/health.h"
#include "api/dashboard.h"
#include "api/files.h"
#include "api/library.h"
#include "api/uploads.h"
#include "api/metrics.h"
#include "api/outbox.h"
#include "api/publishers.h"
#include "api/search.h"
#include "api/users.h"
#include "http/router.h"
#ifdef MANGU_TEST_ROUTES
#include "api/testing.h"
#include "api/testing_blob.h"
#endif

const struct route api_routes[] = {
    /* operations */
    {HTTP_GET, "/api/health", api_health_show, ROUTE_NO_LIMIT},
    {HTTP_GET, "/api/openapi.json", api_openapi_show, 0},
    {HTTP_GET, "/metrics", api_metrics_show, ROUTE_NO_LIMIT},

    /* accounts (api/sessions.c, api/users.c, api/admin.c) */
    {HTTP_POST, "/api/auth/signup", api_sessions_signup, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/auth/login", api_sessions_login, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/auth/refresh", api_sessions_refresh, 0},
    {HTTP_POST, "/api/auth/logout", api_sessions_logout, 0},
    {HTTP_GET, "/api/auth/me", api_sessions_me, ROUTE_AUTH},
    {HTTP_POST, "/api/auth/verify-email", api_sessions_verify_email, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/auth/resend-verification", api_sessions_resend_verification, ROUTE_AUTH},
    {HTTP_POST, "/api/auth/forgot-password", api_sessions_forgot_password, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/auth/reset-password", api_sessions_reset_password, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/auth/change-password", api_sessions_change_password,
     ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_PATCH, "/api/users/me", api_users_update_me, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_DELETE, "/api/users/me", api_users_delete_me, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_POST, "/api/users/me/author", api_users_become_author, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/admin/users", api_admin_users_list, ROUTE_ADMIN},
    {HTTP_PATCH, "/api/admin/users/{id}", api_admin_users_update, ROUTE_ADMIN | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/admin/audit", api_admin_audit_list, ROUTE_ADMIN},
    {HTTP_GET, "/api/admin/outbox", api_outbox_list, ROUTE_ADMIN},

    /* catalog (api/books.c, api/authors.c, api/categories.c, api/publishers.c) */
    {HTTP_GET, "/api/books", api_books_list, 0},
    {HTTP_POST, "/api/books", api_books_create, ROUTE_AUTHOR | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/books/featured", api_books_featured, 0},
    {HTTP_GET, "/api/books/trending", api_books_trending, 0},
    {HTTP_GET, "/api/books/new", api_books_new, 0},
    {HTTP_GET, "/api/books/top-rated", api_books_top_rated, 0},
    {HTTP_GET, "/api/books/{id}", api_books_show, 0},
    {HTTP_PATCH, "/api/books/{id}", api_books_update, ROUTE_AUTHOR | ROUTE_JSON_BODY},
    {HTTP_DELETE, "/api/books/{id}", api_books_delete, ROUTE_AUTHOR},
    {HTTP_POST, "/api/books/{id}/publish", api_books_publish, ROUTE_AUTHOR},
    {HTTP_POST, "/api/books/{id}/unpublish", api_books_unpublish, ROUTE_AUTHOR},
    /* generated covers (api/covers.c): a page shows dozens, so no rate limit */
    {HTTP_GET, "/api/books/{id}/cover.svg", api_covers_show, ROUTE_NO_LIMIT},
    {HTTP_GET, "/api/books/{id}/cover.png", api_covers_card, 0}, /* rendering costs: limited */
    {HTTP_GET, "/api/authors", api_authors_list, 0},
    {HTTP_POST, "/api/authors", api_authors_create, ROUTE_ADMIN | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/authors/{id}", api_authors_show, 0},
    {HTTP_PATCH, "/api/authors/{id}", api_authors_update, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/categories", api_categories_list, 0},
    {HTTP_POST, "/api/categories", api_categories_create, ROUTE_ADMIN | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/categories/{id}", api_categories_show, 0},
    {HTTP_PATCH, "/api/categories/{id}", api_categories_update, ROUTE_ADMIN | ROUTE_JSON_BODY},
    {HTTP_DELETE, "/api/categories/{id}", api_categories_delete, ROUTE_ADMIN},
    {HTTP_GET, "/api/publishers", api_publishers_list, 0},
    {HTTP_POST, "/api/publishers", api_publishers_create, ROUTE_ADMIN | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/publishers/{id}", api_publishers_show, 0},
    {HTTP_PATCH, "/api/publishers/{id}", api_publishers_update, ROUTE_ADMIN | ROUTE_JSON_BODY},

    /* search (api/search.c) */
    {HTTP_GET, "/api/books/search", api_search_books, 0},
    {HTTP_GET, "/api/books/suggest", api_search_suggest, 0},

    /* publishing (api/files.c, api/uploads.c) */
    {HTTP_POST, "/api/books/{id}/files", api_files_create, ROUTE_AUTHOR | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/books/{id}/files", api_files_list, ROUTE_AUTHOR},
    {HTTP_POST, "/api/books/{id}/files/{file_id}/complete", api_files_complete, ROUTE_AUTHOR},
    {HTTP_PUT, "/api/uploads/{token}", api_uploads_put, 0},
    {HTTP_GET, "/api/downloads/{token}", api_downloads_get, 0},
    {HTTP_GET, "/api/books/{id}/sample", api_books_sample, 0},
    {HTTP_GET, "/api/books/{id}/sample/link", api_books_sample_link, 0},
    {HTTP_GET, "/api/library/{book_id}/content", api_library_content, ROUTE_AUTH},
    {HTTP_GET, "/api/library/{book_id}/content/link", api_library_content_link, ROUTE_AUTH},
    {HTTP_GET, "/api/me/books", api_dashboard_books, ROUTE_AUTHOR},
    {HTTP_GET, "/api/me/books/{id}/stats", api_dashboard_stats, ROUTE_AUTHOR},

    /* library and reading (api/library.c, api/reviews.c) */
    {HTTP_GET, "/api/library", api_library_list, ROUTE_AUTH},
    {HTTP_GET, "/api/library/continue", api_library_continue, ROUTE_AUTH},
    {HTTP_GET, "/api/library/{book_id}", api_library_show, ROUTE_AUTH},
    {HTTP_POST, "/api/library/{book_id}", api_library_claim, ROUTE_AUTH},
    {HTTP_GET, "/api/library/{book_id}/progress", api_library_progress_show, ROUTE_AUTH},
    {HTTP_PUT, "/api/library/{book_id}/progress", api_library_progress_update,
     ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/library/{book_id}/annotations", api_annotations_list, ROUTE_AUTH},
    {HTTP_POST, "/api/library/{book_id}/annotations", api_annotations_create,
     ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/library/{book_id}/annotations.md", api_annotations_export, ROUTE_AUTH},
    {HTTP_PATCH, "/api/library/{book_id}/annotations/{id}", api_annotations_update,
     ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_DELETE, "/api/library/{book_id}/annotations/{id}", api_annotations_delete, ROUTE_AUTH},
    {HTTP_GET, "/api/wishlist", api_wishlist_list, ROUTE_AUTH},
    {HTTP_PUT, "/api/wishlist/{book_id}", api_wishlist_add, ROUTE_AUTH},
    {HTTP_DELETE, "/api/wishlist/{book_id}", api_wishlist_remove, ROUTE_AUTH},
    {HTTP_GET, "/api/books/{id}/reviews", api_reviews_list, 0},
    {HTTP_POST, "/api/books/{id}/reviews", api_reviews_create, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_PATCH, "/api/books/{id}/reviews/mine", api_reviews_update_mine,
     ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_DELETE, "/api/books/{id}/reviews/mine", api_reviews_delete_mine, ROUTE_AUTH},
    {HTTP_POST, "/api/reviews/{id}/report", api_reviews_report, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_PATCH, "/api/admin/reviews/{id}", api_admin_reviews_update,
     ROUTE_ADMIN | ROUTE_JSON_BODY},

    /* commerce (api/cart.c, api/coupons.c, api/orders.c, api/payments.c) */
    {HTTP_GET, "/api/cart", api_cart_show, ROUTE_AUTH},
    {HTTP_POST, "/api/cart/items", api_cart_add, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_DELETE, "/api/cart/items/{book_id}", api_cart_remove, ROUTE_AUTH},
    {HTTP_POST, "/api/cart/merge", api_cart_merge, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_POST, "/api/cart/coupon", api_cart_coupon_apply, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_DELETE, "/api/cart/coupon", api_cart_coupon_remove, ROUTE_AUTH},
    {HTTP_POST, "/api/checkout", api_orders_checkout, ROUTE_AUTH},
    {HTTP_GET, "/api/orders", api_orders_list, ROUTE_AUTH},
    {HTTP_GET, "/api/orders/{id}", api_orders_show, ROUTE_AUTH},
    {HTTP_POST, "/api/payments/stripe/webhook", api_payments_stripe_webhook,
     ROUTE_RAW_BODY | ROUTE_NO_LIMIT},
    {HTTP_POST, "/api/payments/dev/{id}/pay", api_payments_dev_pay, 0},
    {HTTP_POST, "/api/payments/dev/{id}/cancel", api_payments_dev_cancel, 0},
    {HTTP_GET, "/api/admin/orders", api_admin_orders_list, ROUTE_ADMIN},
    {HTTP_GET, "/api/admin/orders/{id}", api_admin_orders_show, ROUTE_ADMIN},
    {HTTP_POST, "/api/admin/orders/{id}/refund", api_admin_orders_refund, ROUTE_ADMIN},
    {HTTP_GET, "/api/admin/coupons", api_admin_coupons_list, ROUTE_ADMIN},
    {HTTP_POST, "/api/admin/coupons", api_admin_coupons_create, ROUTE_ADMIN | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/admin/coupons/{id}", api_admin_coupons_show, ROUTE_ADMIN},
    {HTTP_PATCH, "/api/admin/coupons/{id}", api_admin_coupons_update,
     ROUTE_ADMIN | ROUTE_JSON_BODY},

#ifdef MANGU_TEST_ROUTES
    /* test build only */
    {HTTP_GET, "/api/_test/sleep", api_test_sleep, ROUTE_NO_LIMIT},
    {HTTP_POST, "/api/_test/echo", api_test_echo, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/_test/mail", api_test_mail, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/_test/blob", api_test_blob_put, ROUTE_RAW_BODY | ROUTE_NO_LIMIT},
    {HTTP_GET, "/api/_test/blob", api_test_blob_get, ROUTE_NO_LIMIT},
    {HTTP_DELETE, "/api/_test/blob", api_test_blob_delete, ROUTE_NO_LIMIT},
    {HTTP_GET, "/api/_test/blob/head", api_test_blob_head, ROUTE_NO_LIMIT},
    {HTTP_POST, "/api/_test/blob/presign", api_test_blob_presign,
     ROUTE_JSON_BODY | ROUTE_NO_LIMIT},
    {HTTP_PUT, "/api/_test/uploads/{token}", api_test_blob_upload,
     ROUTE_RAW_BODY | ROUTE_NO_LIMIT},
    {HTTP_GET, "/api/_test/downloads/{token}", api_test_blob_download, ROUTE_NO_LIMIT},
#endif
};

const size_t api_n_routes = sizeof(api_routes) / sizeof(api_routes[0]);
