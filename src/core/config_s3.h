/* config_s3.h: parsers of the object-storage settings; config.c's table lists them. */
#ifndef MANGU_CONFIG_S3_H
#define MANGU_CONFIG_S3_H

#include "core/buf.h"
#include "core/config.h"

/* Each parses one variable into "c" or returns -1 with what it accepts in "why". */
int config_parse_s3_bucket(struct config *c, const char *val, struct buf *why);
int config_parse_s3_region(struct config *c, const char *val, struct buf *why);
int config_parse_s3_endpoint(struct config *c, const char *val, struct buf *why);
int config_parse_s3_public_endpoint(struct config *c, const char *val, struct buf *why);
int config_parse_s3_path_style(struct config *c, const char *val, struct buf *why);
int config_parse_s3_timeout(struct config *c, const char *val, struct buf *why);
int config_parse_s3_key_id(struct config *c, const char *val, struct buf *why);
int config_parse_s3_secret(struct config *c, const char *val, struct buf *why);
int config_parse_aws_key_id(struct config *c, const char *val, struct buf *why);
int config_parse_aws_secret(struct config *c, const char *val, struct buf *why);
int config_parse_aws_session_token(struct config *c, const char *val, struct buf *why);
int config_parse_aws_container_full_uri(struct config *c, const char *val, struct buf *why);
int config_parse_aws_container_relative_uri(struct config *c, const char *val, struct buf *why);
int config_parse_aws_container_token(struct config *c, const char *val, struct buf *why);

/*
 * After every variable is read: checks that key pairs are complete and that an S3 bucket has
 * credentials, and derives the endpoint, public endpoint and addressing style. 0 or -1.
 */
int config_s3_finish(struct config *c, struct buf *why);
/* Appends the storage lines of `mangu check`, secrets masked. */
void config_s3_describe(const struct config *c, struct buf *out);
/* Frees (and wipes the secrets of) the storage settings. */
void config_s3_release(struct config *c);

#endif
