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
 *
 * Waits can be cut short (pvs_modbus_conn_set_cancel): a request is sent
 * once, then its answer is awaited in slices of CANCEL_SLICE_MS, the
 * cancel flag read between two, so a pause or a stop never waits for a
 * device that does not answer. libmodbus's read functions cannot do
 * that (they wait the whole timeout, and sending the request again would
 * put two on the line), so the request goes out raw and its answer is
 * checked here as libmodbus checks it. TCP connects are ours too, for the
 * same reason and because libmodbus reports every failed connect as
 * "connection refused" (an unreachable host or a timeout included).
 */
#define PVS_LOG_MODULE "modbus"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <modbus.h>

#include "pvs/clock.h"

#include "pvs/modbus_conn.h"

/* How often a wait looks at the cancel flag. */
#define CANCEL_SLICE_MS 50

struct pvs_modbus_conn {
    struct pvs_modbus_url url;
    modbus_t *ctx;
    atomic_bool *cancel; /* borrowed, or NULL */
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

static void set_timeout(modbus_t *ctx, int64_t ms) {
    modbus_set_response_timeout(ctx, (uint32_t)(ms / 1000),
                                (uint32_t)(ms % 1000) * 1000);
}

static bool cancelled(const struct pvs_modbus_conn *c) {
    return c->cancel && atomic_load(c->cancel);
}

/* Whether a wait stops here, with errno saying why: asked to, or time. */
static bool give_up(const struct pvs_modbus_conn *c, int64_t left) {
    if (cancelled(c))
        errno = ECANCELED;
    else if (left <= 0)
        errno = ETIMEDOUT;
    else
        return false;
    return true;
}

enum pvs_err pvs_modbus_conn_new(const struct pvs_modbus_url *url,
                                 struct pvs_modbus_conn **ret) {
    struct pvs_modbus_conn *c = pvs_calloc(1, sizeof(*c));
    enum pvs_err rc = PVS_OK;
    char port[16];

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
    set_timeout(c->ctx, url->timeout_ms);
    /* Between two bytes of one answer: the whole timeout. */
    modbus_set_byte_timeout(c->ctx, (uint32_t)(url->timeout_ms / 1000),
                            (uint32_t)(url->timeout_ms % 1000) * 1000);
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

void pvs_modbus_conn_set_cancel(struct pvs_modbus_conn *c, atomic_bool *flag) {
    c->cancel = flag;
}

static bool is_exception(int err) {
    return err >= EMBXILFUN && err <= EMBXGTAR;
}

/*
 * Wait for fd to become writable (a connect under way) up to the
 * timeout: 0, or -1 with errno (ETIMEDOUT, ECANCELED).
 */
static int wait_connect(const struct pvs_modbus_conn *c, int fd) {
    int64_t end = pvs_clock_mono_ms() + c->url.timeout_ms;

    for (;;) {
        struct pollfd pfd = {.fd = fd, .events = POLLOUT};
        int64_t left = end - pvs_clock_mono_ms();
        int n;

        if (give_up(c, left))
            return -1;
        n = poll(&pfd, 1,
                 (int)(left < CANCEL_SLICE_MS ? left : CANCEL_SLICE_MS));
        if (n > 0)
            return 0;
        if (n < 0 && errno != EINTR)
            return -1;
    }
}

/* One address of the endpoint: a connected socket, or -1 with errno. */
static int connect_addr(const struct pvs_modbus_conn *c,
                        const struct addrinfo *ai) {
    int fd, one = 1, err = 0;
    socklen_t len = sizeof(err);

    fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                ai->ai_protocol);
    if (fd < 0)
        return -1;
    /* One small request at a time: never wait to fill a segment. */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
        return fd;
    if (errno != EINPROGRESS || wait_connect(c, fd) ||
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) || err) {
        int saved = err ? err : errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

/* TCP: connect, bounded by the timeout and the cancel flag. */
static int connect_tcp(struct pvs_modbus_conn *c) {
    struct addrinfo hints = {.ai_family = AF_UNSPEC,
                             .ai_socktype = SOCK_STREAM};
    struct addrinfo *list = NULL;
    char port[16];
    int fd = -1, err = EHOSTUNREACH;

    pvs_snprintf(port, sizeof(port), "%d", c->url.port);
    if (getaddrinfo(c->url.host, port, &hints, &list)) {
        errno = EHOSTUNREACH;
        return -1;
    }
    for (struct addrinfo *ai = list; ai && fd < 0; ai = ai->ai_next) {
        fd = connect_addr(c, ai);
        if (fd < 0)
            err = errno;
        if (err == ECANCELED)
            break;
    }
    freeaddrinfo(list);
    if (fd < 0) {
        errno = err;
        return -1;
    }
    /* libmodbus closes it (modbus_close). */
    return modbus_set_socket(c->ctx, fd);
}

static enum pvs_err link_up(struct pvs_modbus_conn *c) {
    int rc = c->url.rtu ? modbus_connect(c->ctx) : connect_tcp(c);

    if (rc == -1) {
        c->err = errno;
        /* A connect that never completed is a timeout, not an error. */
        if (c->err == EINPROGRESS)
            c->err = ETIMEDOUT;
        return c->err == ECANCELED   ? PVS_ERR_CLOSED
               : c->err == ETIMEDOUT ? PVS_ERR_TIMEOUT
                                     : PVS_ERR_IO;
    }
    c->connected = true;
    /* Bytes left on a serial line belong to nobody: drop them. */
    if (c->url.rtu)
        modbus_flush(c->ctx);
    return PVS_OK;
}

/*
 * The answer to the request just sent, waited for in slices (see the
 * top): its length, or -1 with errno (ETIMEDOUT, ECANCELED, ...). Once
 * its first byte came, libmodbus reads the rest within the byte timeout,
 * so a slice never ends inside an answer.
 */
static int receive(struct pvs_modbus_conn *c, uint8_t *rsp) {
    int64_t end = pvs_clock_mono_ms() + c->url.timeout_ms;

    for (;;) {
        int64_t left = end - pvs_clock_mono_ms();
        int got;

        if (give_up(c, left))
            return -1;
        set_timeout(c->ctx, c->cancel && left > CANCEL_SLICE_MS
                                ? CANCEL_SLICE_MS
                                : left);
        got = modbus_receive_confirmation(c->ctx, rsp);
        if (got >= 0 || errno != ETIMEDOUT)
            return got;
    }
}

/*
 * Check the answer rsp (len bytes) to reading n registers with function
 * fn from unit, as libmodbus checks it, and copy the values to out: 0,
 * or the errno of what is wrong (a Modbus exception included).
 */
static int check_answer(const struct pvs_modbus_conn *c, int unit, int fn,
                        uint16_t n, const uint8_t *rsp, int len,
                        uint16_t *out) {
    int off = modbus_get_header_length(c->ctx);
    int tail = c->url.rtu ? 2 : 0; /* the CRC */

    /* RTU: another unit's answer; TCP: another transaction's or protocol */
    if (len <= 0 || (c->url.rtu && rsp[0] != unit))
        return EMBBADSLAVE;
    if (!c->url.rtu && (rsp[0] || rsp[1] || rsp[2] || rsp[3]))
        return EMBBADDATA;
    if (len < off + 2)
        return EMBBADDATA;
    if (rsp[off] == (fn | 0x80)) {
        int code = rsp[off + 1];
        return code >= 1 && code < MODBUS_EXCEPTION_MAX ? MODBUS_ENOBASE + code
                                                        : EMBBADEXC;
    }
    if (rsp[off] != fn || rsp[off + 1] != 2 * n ||
        len != off + 2 + 2 * n + tail)
        return EMBBADDATA;
    for (uint16_t i = 0; i < n; i++)
        out[i] = (uint16_t)(rsp[off + 2 + 2 * i] << 8 | rsp[off + 3 + 2 * i]);
    return 0;
}

enum pvs_err pvs_modbus_conn_read(struct pvs_modbus_conn *c, int unit,
                                  bool input, uint32_t addr, uint16_t n,
                                  uint16_t *out) {
    int fn = input ? MODBUS_FC_READ_INPUT_REGISTERS
                   : MODBUS_FC_READ_HOLDING_REGISTERS;
    uint8_t req[6], rsp[MODBUS_MAX_ADU_LENGTH];
    enum pvs_err rc = PVS_OK;
    int got;

    PVS_ASSERT(n >= 1 && n <= 125);
    if (addr + n > 0x10000) {
        c->err = EMBXILADD;
        rc = PVS_ERR_PROTO;
        goto out;
    }
    if (cancelled(c)) {
        /* Nothing sent: the link stays as it is. */
        c->err = ECANCELED;
        rc = PVS_ERR_CLOSED;
        goto out;
    }
    if (!c->connected) {
        rc = link_up(c);
        if (rc)
            goto out;
    }
    modbus_set_slave(c->ctx, unit);
    req[0] = (uint8_t)unit;
    req[1] = (uint8_t)fn;
    req[2] = (uint8_t)(addr >> 8);
    req[3] = (uint8_t)addr;
    req[4] = (uint8_t)(n >> 8);
    req[5] = (uint8_t)n;
    c->requests++;
    got = modbus_send_raw_request(c->ctx, req, (int)sizeof(req));
    if (got != -1)
        got = receive(c, rsp);
    c->err = got < 0 ? errno : check_answer(c, unit, fn, n, rsp, got, out);
    if (!c->err)
        goto out;
    if (is_exception(c->err)) {
        rc = PVS_ERR_PROTO;
        goto out;
    }
    rc = c->err == ETIMEDOUT   ? PVS_ERR_TIMEOUT
         : c->err == ECANCELED ? PVS_ERR_CLOSED
                               : PVS_ERR_IO;
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
    if (err == ECANCELED) {
        pvs_strlcpy(buf, "given up (pause or stop)", size);
        return buf;
    }
    return pvs_strerror(err, buf, size);
}
