/* SPDX-License-Identifier: MIT */
/*
 * token.h - signed, expiring tokens for the links in messages (survey,
 * appointment, self-help, preferences, status page), so customers need
 * no password. A token names what it grants (purpose and object id) and
 * when it expires, and carries an HMAC-SHA256 of that under the
 * installation's link key. Pure; thread-safe.
 */
#ifndef PVS_TOKEN_H
#define PVS_TOKEN_H

#include <stddef.h>
#include <stdint.h>
#include "pvs/util.h"

#define PVS_TOKEN_KEY_LEN 32
#define PVS_TOKEN_MAX 160

/*
 * "purpose.id.expiry.signature" (URL-safe). purpose: letters only, such
 * as "survey", "appt", "selfhelp", "prefs", "status".
 */
void pvs_token_make(const unsigned char key[PVS_TOKEN_KEY_LEN],
                    const char *purpose, const char *id, int64_t expires_ms,
                    char *out, size_t size);

/*
 * Check token for purpose at now_ms; on success copy its id into ret_id.
 * PVS_ERR_INVAL for a malformed or forged token, PVS_ERR_TIMEOUT for an
 * expired one.
 */
enum pvs_err pvs_token_check(const unsigned char key[PVS_TOKEN_KEY_LEN],
                             const char *token, const char *purpose,
                             int64_t now_ms, char *ret_id, size_t size);

/* Key from hex (64 characters); PVS_ERR_INVAL when it is not. */
enum pvs_err pvs_token_key_from_hex(const char *hex,
                                    unsigned char key[PVS_TOKEN_KEY_LEN]);
/* A new random key as hex into out (65 bytes). */
void pvs_token_key_new_hex(char out[2 * PVS_TOKEN_KEY_LEN + 1]);

#endif
