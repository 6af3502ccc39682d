/* SPDX-License-Identifier: MIT */
/*
 * token.c - signed link tokens with libsodium's HMAC-SHA256.
 *
 * The id part is restricted to [A-Za-z0-9_-] so tokens need no escaping
 * in URLs and a dot never appears inside a field.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "pvs/token.h"

static bool field_ok(const char *s, size_t n) {
    if (!n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return false;
    }
    return true;
}

static void sign(const unsigned char key[PVS_TOKEN_KEY_LEN], const char *msg,
                 size_t len, char hex[2 * crypto_auth_hmacsha256_BYTES + 1]) {
    unsigned char mac[crypto_auth_hmacsha256_BYTES];

    crypto_auth_hmacsha256(mac, (const unsigned char *)msg, len, key);
    sodium_bin2hex(hex, 2 * crypto_auth_hmacsha256_BYTES + 1, mac, sizeof(mac));
}

void pvs_token_make(const unsigned char key[PVS_TOKEN_KEY_LEN],
                    const char *purpose, const char *id, int64_t expires_ms,
                    char *out, size_t size) {
    char body[PVS_TOKEN_MAX];
    char hex[2 * crypto_auth_hmacsha256_BYTES + 1];
    int n;

    PVS_ASSERT(field_ok(purpose, strlen(purpose)) && field_ok(id, strlen(id)));
    n = pvs_snprintf(body, sizeof(body), "%s.%s.%lld", purpose, id,
                     (long long)(expires_ms / 1000));
    PVS_ASSERT(n > 0 && (size_t)n < sizeof(body));
    sign(key, body, (size_t)n, hex);
    /* A short signature is plenty for a link and keeps URLs short. */
    hex[32] = '\0';
    pvs_snprintf(out, size, "%s.%s", body, hex);
}

enum pvs_err pvs_token_check(const unsigned char key[PVS_TOKEN_KEY_LEN],
                             const char *token, const char *purpose,
                             int64_t now_ms, char *ret_id, size_t size) {
    char hex[2 * crypto_auth_hmacsha256_BYTES + 1];
    const char *d1, *d2, *d3;
    size_t len = strnlen(token, PVS_TOKEN_MAX + 1);
    int64_t exp;
    char expbuf[24];

    if (len > PVS_TOKEN_MAX)
        return PVS_ERR_INVAL;
    d1 = strchr(token, '.');
    d2 = d1 ? strchr(d1 + 1, '.') : NULL;
    d3 = d2 ? strchr(d2 + 1, '.') : NULL;
    if (!d3 || strchr(d3 + 1, '.'))
        return PVS_ERR_INVAL;
    if ((size_t)(d1 - token) != strlen(purpose) ||
        strncmp(token, purpose, strlen(purpose)) ||
        !field_ok(d1 + 1, (size_t)(d2 - d1 - 1)) ||
        (size_t)(d3 - d2 - 1) >= sizeof(expbuf) || strlen(d3 + 1) != 32)
        return PVS_ERR_INVAL;
    sign(key, token, (size_t)(d3 - token), hex);
    if (sodium_memcmp(hex, d3 + 1, 32))
        return PVS_ERR_INVAL;
    memcpy(expbuf, d2 + 1, (size_t)(d3 - d2 - 1));
    expbuf[d3 - d2 - 1] = '\0';
    if (pvs_parse_i64(expbuf, &exp))
        return PVS_ERR_INVAL;
    if (now_ms / 1000 > exp)
        return PVS_ERR_TIMEOUT;
    if ((size_t)(d2 - d1 - 1) >= size)
        return PVS_ERR_INVAL;
    memcpy(ret_id, d1 + 1, (size_t)(d2 - d1 - 1));
    ret_id[d2 - d1 - 1] = '\0';
    return PVS_OK;
}

enum pvs_err pvs_token_key_from_hex(const char *hex,
                                    unsigned char key[PVS_TOKEN_KEY_LEN]) {
    size_t got = 0;

    if (strlen(hex) < 2 * PVS_TOKEN_KEY_LEN ||
        sodium_hex2bin(key, PVS_TOKEN_KEY_LEN, hex, 2 * PVS_TOKEN_KEY_LEN, NULL,
                       &got, NULL) ||
        got != PVS_TOKEN_KEY_LEN)
        return PVS_ERR_INVAL;
    return PVS_OK;
}

void pvs_token_key_new_hex(char out[2 * PVS_TOKEN_KEY_LEN + 1]) {
    unsigned char key[PVS_TOKEN_KEY_LEN];

    randombytes_buf(key, sizeof(key));
    sodium_bin2hex(out, 2 * PVS_TOKEN_KEY_LEN + 1, key, sizeof(key));
    sodium_memzero(key, sizeof(key));
}
