/* SPDX-License-Identifier: MIT */
/*
 * modbus_conn.c - endpoint URLs and one libmodbus context per endpoint.
 *
 * DESIGN
 * Errors are classified at this boundary: a Modbus exception means the
 * device is there and said no (wrong address, wrong unit behind a gateway);
 * a timeout or a broken frame means the link cannot be trusted, so it is
 * closed and flushed, and the next request reconnects. Nothing here logs:
 * the caller knows which device it was asking for and logs once.
 */
#define PVS_LOG_MODULE "modbus"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <modbus.h>

#include "pvs/modbus_conn.h"

struct pvs_modbus_conn {
    struct pvs_modbus_url url;
    modbus_t *ctx;
    bool connected;
    int err;
    uint64_t requests;
    char name[300];
};

/* ---- URLs ---- */

static enum pvs_err query_int(const char *key, const char *val, int64_t lo,
                              int64_t hi, int64_t *out, char *msg,
                              size_t msgsize) {
    int64_t v;

    if (pvs_parse_i64(val, &v) || v < lo || v > hi) {
        pvs_snprintf(msg, msgsize,
                     "bad %s '%s': expected a number from %lld to %lld", key,
                     val, (long long)lo, (long long)hi);
        return PVS_ERR_INVAL;
    }
    *out = v;
    return PVS_OK;
}

static enum pvs_err parse_query(const char *q, struct pvs_modbus_url *u,
                                char *msg, size_t msgsize) {
    enum pvs_err rc = PVS_OK;
    char buf[512];
    char *p, *save = NULL;

    if (!pvs_strlcpy(buf, q, sizeof(buf))) {
        pvs_snprintf(msg, msgsize, "url query too long");
        return PVS_ERR_INVAL;
    }
    /* strtok_r is thread-safe; plain strtok is banned. */
    for (p = strtok_r(buf, "&", &save); p; p = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(p, '=');
        int64_t v = 0;
        if (!eq) {
            pvs_snprintf(msg, msgsize,
                         "bad url parameter '%s': expected "
                         "key=value",
                         p);
            rc = PVS_ERR_INVAL;
            goto out;
        }
        *eq++ = '\0';
        if (!strcmp(p, "unit")) {
            rc = query_int(p, eq, 0, 255, &v, msg, msgsize);
            u->unit = (int)v;
        } else if (!strcmp(p, "timeout")) {
            rc = query_int(p, eq, 10, 60000, &v, msg, msgsize);
            u->timeout_ms = v;
        } else if (u->rtu && !strcmp(p, "baud")) {
            rc = query_int(p, eq, 300, 4000000, &v, msg, msgsize);
            u->baud = (int)v;
        } else if (u->rtu && !strcmp(p, "data_bits")) {
            rc = query_int(p, eq, 5, 8, &v, msg, msgsize);
            u->data_bits = (int)v;
        } else if (u->rtu && !strcmp(p, "stop_bits")) {
            rc = query_int(p, eq, 1, 2, &v, msg, msgsize);
            u->stop_bits = (int)v;
        } else if (u->rtu && !strcmp(p, "parity")) {
            if (strlen(eq) != 1 || !strchr("NEOneo", eq[0])) {
                pvs_snprintf(msg, msgsize,
                             "bad parity '%s': expected N, E or O", eq);
                rc = PVS_ERR_INVAL;
            }
            u->parity = (char)(eq[0] & ~0x20);
        } else {
            pvs_snprintf(msg, msgsize, "unknown url parameter '%s'", p);
            rc = PVS_ERR_INVAL;
        }
        if (rc)
            goto out;
    }
out:
    return rc;
}

/*
 * "HOST[:PORT]" or "[V6]:PORT" of a tcp:// url into u; *ret_q is set to its
 * query ('?...') or NULL.
 */
static enum pvs_err parse_tcp(const char *url, struct pvs_modbus_url *u,
                              const char **ret_q, char *msg, size_t msgsize) {
    const char *host = url + 6, *port = NULL, *end, *q;
    enum pvs_err rc = PVS_ERR_INVAL;
    size_t len;

    q = strchr(host, '?');
    *ret_q = q;
    end = q ? q : host + strlen(host);
    if (*host == '[') {
        const char *rb = memchr(host, ']', (size_t)(end - host));
        if (!rb)
            goto bad_host;
        host++;
        len = (size_t)(rb - host);
        if (rb[1] == ':')
            port = rb + 2;
        else if (rb + 1 != end)
            goto bad_host;
    } else {
        const char *colon = memchr(host, ':', (size_t)(end - host));
        len = (size_t)((colon ? colon : end) - host);
        if (colon)
            port = colon + 1;
    }
    if (len == 0 || len >= sizeof(u->host) || memchr(host, '/', len))
        goto bad_host;
    memcpy(u->host, host, len);
    u->host[len] = '\0';
    if (port) {
        char pb[16];
        int64_t v;
        size_t pl = (size_t)(end - port);
        if (pl == 0 || pl >= sizeof(pb))
            goto bad_port;
        memcpy(pb, port, pl);
        pb[pl] = '\0';
        if (pvs_parse_i64(pb, &v) || v < 1 || v > 65535)
            goto bad_port;
        u->port = (int)v;
    }
    rc = PVS_OK;
    goto out;
bad_host:
    pvs_snprintf(msg, msgsize, "bad host in '%s'", url);
    goto out;
bad_port:
    pvs_snprintf(msg, msgsize, "bad port in '%s': expected 1 to 65535", url);
out:
    return rc;
}

/* The device path of an rtu:// url into u; *ret_q as for parse_tcp. */
static enum pvs_err parse_rtu(const char *url, struct pvs_modbus_url *u,
                              const char **ret_q, char *msg, size_t msgsize) {
    const char *rest = url + 6, *q;
    enum pvs_err rc = PVS_ERR_INVAL;
    size_t len;

    u->rtu = true;
    q = strchr(rest, '?');
    *ret_q = q;
    len = q ? (size_t)(q - rest) : strlen(rest);
    if (len == 0 || rest[0] != '/' || len >= sizeof(u->device)) {
        pvs_snprintf(msg, msgsize,
                     "bad serial device in '%s': expected "
                     "rtu:///dev/TTY",
                     url);
        goto out;
    }
    memcpy(u->device, rest, len);
    u->device[len] = '\0';
    rc = PVS_OK;
out:
    return rc;
}

enum pvs_err pvs_modbus_url_parse(const char *url, struct pvs_modbus_url *out,
                                  char *msg, size_t msgsize) {
    struct pvs_modbus_url u = {.port = 502,
                               .baud = 9600,
                               .parity = 'N',
                               .data_bits = 8,
                               .stop_bits = 1,
                               .unit = 1,
                               .timeout_ms = 1000};
    enum pvs_err rc = PVS_ERR_INVAL;
    const char *q = NULL;

    if (!strncmp(url, "tcp://", 6)) {
        rc = parse_tcp(url, &u, &q, msg, msgsize);
    } else if (!strncmp(url, "rtu://", 6)) {
        rc = parse_rtu(url, &u, &q, msg, msgsize);
    } else {
        pvs_snprintf(msg, msgsize,
                     "unsupported url '%s': expected tcp://HOST:PORT or "
                     "rtu:///dev/TTY",
                     url);
    }
    if (rc)
        goto out;
    if (q && parse_query(q + 1, &u, msg, msgsize)) {
        rc = PVS_ERR_INVAL;
        goto out;
    }
    *out = u;
out:
    return rc;
}

enum pvs_err pvs_modbus_url_from_endpoint(const struct pvs_endpoint *e,
                                          struct pvs_modbus_url *out, char *msg,
                                          size_t msgsize) {
    struct pvs_modbus_url u;
    enum pvs_err rc;

    rc = pvs_modbus_url_parse(e->url, &u, msg, msgsize);
    if (rc)
        goto out;
    /* Keys of the [endpoint] section win over URL defaults. */
    if (u.rtu) {
        if (e->baud)
            u.baud = (int)e->baud;
        if (e->parity && e->parity[0])
            u.parity = e->parity[0];
        if (e->data_bits)
            u.data_bits = (int)e->data_bits;
        if (e->stop_bits)
            u.stop_bits = (int)e->stop_bits;
    }
    if (e->timeout_ms)
        u.timeout_ms = e->timeout_ms;
    *out = u;
out:
    return rc;
}

/* ---- connections ---- */

enum pvs_err pvs_modbus_conn_new(const struct pvs_modbus_url *url,
                                 struct pvs_modbus_conn **ret) {
    struct pvs_modbus_conn *c = pvs_calloc(1, sizeof(*c));
    enum pvs_err rc = PVS_OK;
    char port[16];
    uint32_t sec, usec;

    c->url = *url;
    if (url->rtu) {
        pvs_snprintf(c->name, sizeof(c->name), "rtu://%s", url->device);
        c->ctx = modbus_new_rtu(url->device, url->baud, url->parity,
                                url->data_bits, url->stop_bits);
    } else {
        pvs_snprintf(c->name, sizeof(c->name),
                     strchr(url->host, ':') ? "tcp://[%s]:%d" : "tcp://%s:%d",
                     url->host, url->port);
        pvs_snprintf(port, sizeof(port), "%d", url->port);
        c->ctx = modbus_new_tcp_pi(url->host, port);
    }
    if (!c->ctx) {
        c->err = errno;
        rc = PVS_ERR_INVAL;
        goto out;
    }
    sec = (uint32_t)(url->timeout_ms / 1000);
    usec = (uint32_t)(url->timeout_ms % 1000) * 1000;
    /* The response timeout also bounds the TCP connect in libmodbus. */
    modbus_set_response_timeout(c->ctx, sec, usec);
    modbus_set_byte_timeout(c->ctx, sec, usec);
out:
    if (rc) {
        pvs_modbus_conn_free(c);
        c = NULL;
    }
    *ret = c;
    return rc;
}

void pvs_modbus_conn_close(struct pvs_modbus_conn *c) {
    if (c->connected) {
        modbus_close(c->ctx);
        c->connected = false;
    }
}

void pvs_modbus_conn_free(struct pvs_modbus_conn *c) {
    if (!c)
        return;
    if (c->ctx) {
        pvs_modbus_conn_close(c);
        modbus_free(c->ctx);
    }
    pvs_free(c);
}

bool pvs_modbus_conn_connected(const struct pvs_modbus_conn *c) {
    return c->connected;
}

static bool is_exception(int err) {
    return err >= EMBXILFUN && err <= EMBXGTAR;
}

enum pvs_err pvs_modbus_conn_read(struct pvs_modbus_conn *c, int unit,
                                  bool input, uint32_t addr, uint16_t n,
                                  uint16_t *out) {
    enum pvs_err rc = PVS_OK;
    int got;

    PVS_ASSERT(n >= 1 && n <= 125);
    if (addr + n > 0x10000) {
        c->err = EMBXILADD;
        rc = PVS_ERR_PROTO;
        goto out;
    }
    if (!c->connected) {
        if (modbus_connect(c->ctx) == -1) {
            c->err = errno;
            rc = c->err == ETIMEDOUT ? PVS_ERR_TIMEOUT : PVS_ERR_IO;
            goto out;
        }
        c->connected = true;
        /* Bytes left on a serial line belong to nobody: drop them. */
        if (c->url.rtu)
            modbus_flush(c->ctx);
    }
    modbus_set_slave(c->ctx, unit);
    c->requests++;
    got = input ? modbus_read_input_registers(c->ctx, (int)addr, n, out)
                : modbus_read_registers(c->ctx, (int)addr, n, out);
    if (got == n) {
        c->err = 0;
        goto out;
    }
    c->err = got < 0 ? errno : EMBMDATA;
    if (is_exception(c->err)) {
        rc = PVS_ERR_PROTO;
        goto out;
    }
    rc = c->err == ETIMEDOUT ? PVS_ERR_TIMEOUT : PVS_ERR_IO;
    /* A late answer would be taken for the next request's: start over. */
    if (c->url.rtu)
        modbus_flush(c->ctx);
    pvs_modbus_conn_close(c);
out:
    return rc;
}

int pvs_modbus_conn_errno(const struct pvs_modbus_conn *c) {
    return c->err;
}

const char *pvs_modbus_conn_error(const struct pvs_modbus_conn *c, char *buf,
                                  size_t size) {
    return pvs_modbus_strerror(c->err, buf, size);
}

const char *pvs_modbus_conn_name(const struct pvs_modbus_conn *c) {
    return c->name;
}

uint64_t pvs_modbus_conn_requests(const struct pvs_modbus_conn *c) {
    return c->requests;
}

const char *pvs_modbus_strerror(int err, char *buf, size_t size) {
    static const char *const exc[] = {
        "illegal function",
        "illegal data address",
        "illegal data value",
        "slave device failure",
        "acknowledge",
        "slave device busy",
        "negative acknowledge",
        "memory parity error",
        "unknown exception 9",
        "gateway path unavailable",
        "gateway target device failed to respond",
    };
    static const char *const proto[] = {
        "invalid crc",
        "invalid data",
        "invalid exception code",
        "unknown exception code",
        "too many data",
        "response not from the requested unit",
    };

    if (err > MODBUS_ENOBASE && err <= EMBXGTAR) {
        pvs_snprintf(buf, size, "modbus exception %d (%s)",
                     err - MODBUS_ENOBASE, exc[err - MODBUS_ENOBASE - 1]);
        return buf;
    }
    if (err > EMBXGTAR && err <= EMBBADSLAVE) {
        pvs_strlcpy(buf, proto[err - EMBXGTAR - 1], size);
        return buf;
    }
    if (err == ETIMEDOUT) {
        pvs_strlcpy(buf, "no answer (timeout)", size);
        return buf;
    }
    return pvs_strerror(err, buf, size);
}
