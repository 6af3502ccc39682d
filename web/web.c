/* SPDX-License-Identifier: MIT */
/*
 * web.c - the HTTP server (libmicrohttpd): connections, request bodies
 * with a size cap, per-client rate limiting, the read-only store pool,
 * static dashboard files, /healthz, and dispatch to the API (api.c).
 *
 * DESIGN
 * libmicrohttpd runs a small pool of worker threads; each request is
 * handled start to end on one of them, so a request's state needs no lock.
 * Reads use read-only SQLite handles from a pool (SQLite handles are not
 * shared between threads at the same time: a handle is taken for one
 * request and given back). Writes become engine commands (command.h); the
 * worker waits, bounded, for the engine's answer.
 *
 * Changes take effect live: main hands the server the next configuration
 * (pvs_web_set_config) and nothing restarts. Each request counts in the
 * epoch it started in, so main knows when the previous configuration is
 * no longer read. A new [http] address is a new server, bound (with
 * SO_REUSEPORT, so even the same port) before the old one stops
 * accepting and finishes its requests (pvs_web_retire).
 *
 * Oversized bodies: a Content-Length above the cap is refused before the
 * body is read; a chunked body is read and discarded past the cap, then
 * refused. Either way the answer is 413 and memory stays bounded.
 */
#define PVS_LOG_MODULE "web"
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "pvs/log.h"
#include "pvs/stats.h"
#include "web_int.h"

static const char *const security_headers[][2] = {
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; style-src 'self'; "
     "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
     "base-uri 'none'; form-action 'self'"},
};

static void add_security_headers(const struct web_req *r,
                                 struct MHD_Response *resp) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(security_headers); i++)
        MHD_add_response_header(resp, security_headers[i][0],
                                security_headers[i][1]);
    /* Served over TLS directly: browsers should never fall back. */
    if (r->w->tls_cert)
        MHD_add_response_header(resp, "Strict-Transport-Security",
                                "max-age=31536000");
}

static int64_t real_ms(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- configuration epochs ---- */

static uint64_t epoch_enter(struct pvs_web *w) {
    struct web_epoch *slot = NULL;
    uint64_t e;

    pthread_mutex_lock(&w->epoch_lock);
    e = w->epoch;
    for (size_t i = 0; i < WEB_EPOCHS && !slot; i++)
        if (w->live[i].n && w->live[i].epoch == e)
            slot = &w->live[i];
    for (size_t i = 0; i < WEB_EPOCHS && !slot; i++)
        if (!w->live[i].n)
            slot = &w->live[i];
    if (!slot) {
        /* Every slot busy: count in the oldest, which only keeps old
         * configurations alive longer. */
        slot = &w->live[0];
        for (size_t i = 1; i < WEB_EPOCHS; i++)
            if (w->live[i].epoch < slot->epoch)
                slot = &w->live[i];
        e = slot->epoch;
    }
    slot->epoch = e;
    slot->n++;
    pthread_mutex_unlock(&w->epoch_lock);
    return e;
}

static void epoch_leave(struct pvs_web *w, uint64_t e) {
    pthread_mutex_lock(&w->epoch_lock);
    for (size_t i = 0; i < WEB_EPOCHS; i++) {
        if (w->live[i].n && w->live[i].epoch == e) {
            w->live[i].n--;
            break;
        }
    }
    pthread_mutex_unlock(&w->epoch_lock);
}

uint64_t pvs_web_set_config(struct pvs_web *w, const struct pvs_config *cfg) {
    uint64_t e;

    pthread_mutex_lock(&w->epoch_lock);
    w->cfg = cfg;
    w->http = cfg->http;
    e = ++w->epoch;
    pthread_mutex_unlock(&w->epoch_lock);
    return e;
}

void pvs_web_set_health(struct pvs_web *w, pvs_web_health_fn *fn, void *ud) {
    pthread_mutex_lock(&w->epoch_lock);
    w->health_fn = fn;
    w->health_ud = ud;
    pthread_mutex_unlock(&w->epoch_lock);
}

bool pvs_web_done_before(struct pvs_web *w, uint64_t epoch) {
    bool done = true;

    pthread_mutex_lock(&w->epoch_lock);
    for (size_t i = 0; i < WEB_EPOCHS; i++)
        if (w->live[i].n && w->live[i].epoch < epoch)
            done = false;
    pthread_mutex_unlock(&w->epoch_lock);
    return done;
}

/* ---- helpers for the other files ---- */

struct pvs_store *pvs_web_store(struct web_req *r) {
    struct pvs_web *w = r->w;

    if (r->st)
        return r->st;
    pthread_mutex_lock(&w->pool_lock);
    if (w->npool)
        r->st = w->pool[--w->npool];
    pthread_mutex_unlock(&w->pool_lock);
    if (!r->st &&
        pvs_store_open(w->cfg->global.database, PVS_STORE_READONLY, &r->st))
        r->st = NULL;
    return r->st;
}

static void store_put(struct web_req *r) {
    struct pvs_web *w = r->w;

    if (!r->st)
        return;
    pthread_mutex_lock(&w->pool_lock);
    if (w->npool < WEB_POOL_MAX) {
        w->pool[w->npool++] = r->st;
        r->st = NULL;
    }
    pthread_mutex_unlock(&w->pool_lock);
    pvs_store_close(r->st);
    r->st = NULL;
}

const char *pvs_web_arg(struct web_req *r, const char *name) {
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *pvs_web_header(struct web_req *r, const char *name) {
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

bool pvs_web_ctype_is(struct web_req *r, const char *type) {
    const char *ct = pvs_web_header(r, "Content-Type");
    size_t n = strlen(type);

    if (!ct)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)ct[i]) != type[i])
            return false;
    /* The whole media type: "application/jsonp" is another one. */
    ct += n;
    while (*ct == ' ' || *ct == '\t')
        ct++;
    return !*ct || *ct == ';';
}

int pvs_web_status(enum pvs_err rc) {
    switch (rc) {
    case PVS_OK:
        return 200;
    case PVS_ERR_NOTFOUND:
        return 404;
    case PVS_ERR_EXISTS:
    case PVS_ERR_STATE:
        return 409;
    case PVS_ERR_DENIED:
        return 403;
    case PVS_ERR_INVAL:
        return 400;
    case PVS_ERR_UNSUPPORTED:
        return 501;
    case PVS_ERR_DB:
    case PVS_ERR_IO: /* the database went away */
        return 503;
    default:
        return 500;
    }
}

void pvs_web_error(struct web_req *r, int status, const char *field,
                   const char *fmt, ...) {
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    pvs_buf_reset(&r->out);
    pvs_buf_printf(&r->out,
                   "{\"error\": {\"status\": %d, \"message\": ", status);
    pvs_buf_json_str(&r->out, msg);
    if (field && *field) {
        pvs_buf_puts(&r->out, ", \"field\": ");
        pvs_buf_json_str(&r->out, field);
    }
    pvs_buf_puts(&r->out, "}}\n");
    r->status = status;
    r->ctype = "application/json";
}

void pvs_web_json(struct web_req *r, int status) {
    r->status = status;
    r->ctype = "application/json";
}

/* ---- rate limiting ---- */

static uint32_t fnv(const char *s) {
    uint32_t h = 2166136261u;

    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Take one token from the client's bucket; false when it is empty. */
static bool rate_ok(struct pvs_web *w, const char *addr) {
    struct web_bucket *b;
    int64_t now = real_ms();
    double rate = (double)w->http->rate_limit;
    double burst = (double)w->http->rate_burst;
    bool ok;

    if (w->http->rate_limit <= 0)
        return true;
    pthread_mutex_lock(&w->rl_lock);
    b = &w->buckets[fnv(addr) % WEB_BUCKETS];
    if (strcmp(b->addr, addr)) {
        /* A new client (or a rare collision) starts with a full bucket. */
        pvs_strlcpy(b->addr, addr, sizeof(b->addr));
        b->tokens = burst;
        b->last_ms = now;
    }
    b->tokens += (double)(now - b->last_ms) * rate / 1000.0;
    if (b->tokens > burst)
        b->tokens = burst;
    b->last_ms = now;
    ok = b->tokens >= 1.0;
    if (ok)
        b->tokens -= 1.0;
    pthread_mutex_unlock(&w->rl_lock);
    return ok;
}

static void client_addr(struct web_req *r) {
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const char *fwd;

    pvs_strlcpy(r->client, "unknown", sizeof(r->client));
    if (ci && ci->client_addr) {
        const struct sockaddr *sa = ci->client_addr;
        if (sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
                      r->client, sizeof(r->client));
        else if (sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr,
                      r->client, sizeof(r->client));
    }
    /* Behind a reverse proxy every request comes from the proxy: the
     * client is the last address the proxy appended. */
    fwd = r->w->http->trust_proxy ? pvs_web_header(r, "X-Forwarded-For") : NULL;
    if (fwd && *fwd) {
        const char *last = strrchr(fwd, ',');
        char addr[48];
        unsigned char bin[sizeof(struct in6_addr)];
        size_t n;
        last = last ? last + 1 : fwd;
        while (*last == ' ')
            last++;
        /* Only an address: the header is the client's text otherwise. */
        n = strlen(last);
        while (n && (last[n - 1] == ' ' || last[n - 1] == '\t'))
            n--;
        if (n < sizeof(addr)) {
            memcpy(addr, last, n);
            addr[n] = '\0';
            if (inet_pton(AF_INET, addr, bin) == 1 ||
                inet_pton(AF_INET6, addr, bin) == 1)
                pvs_strlcpy(r->client, addr, sizeof(r->client));
        }
    }
}

/* ---- static files ---- */

static const char *content_type(const char *path) {
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".webmanifest", "application/manifest+json"},
        {".txt", "text/plain; charset=utf-8"},
    };
    const char *dot = strrchr(path, '.');

    for (size_t i = 0; dot && i < PVS_ARRAY_LEN(types); i++)
        if (!strcmp(dot, types[i][0]))
            return types[i][1];
    return "application/octet-stream";
}

/* Only plain names: letters, digits, '-', '_', '.', '/'; no dot files. */
static bool safe_rel_path(const char *p) {
    if (!*p || strlen(p) > 200)
        return false;
    for (const char *c = p; *c; c++) {
        bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                  (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' ||
                  *c == '.' || *c == '/';
        if (!ok)
            return false;
        if (*c == '.' && (c == p || c[-1] == '/'))
            return false;
        if (*c == '/' && c[1] == '/')
            return false;
    }
    return true;
}

static enum MHD_Result queue_file(struct web_req *r, const char *dir,
                                  const char *rel, const char *cache) {
    char path[WEB_PATH_MAX], real[PATH_MAX], realdir[PATH_MAX];
    struct MHD_Response *resp;
    struct stat sb;
    enum MHD_Result ret;
    int fd;

    if (!safe_rel_path(rel))
        return MHD_NO;
    pvs_snprintf(path, sizeof(path), "%s/%s", dir, rel);
    /* The file must really be under dir, whatever links say. */
    if (!realpath(path, real) || !realpath(dir, realdir) ||
        strncmp(real, realdir, strlen(realdir)) || real[strlen(realdir)] != '/')
        return MHD_NO;
    fd = open(real, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return MHD_NO;
    if (fstat(fd, &sb) || !S_ISREG(sb.st_mode)) {
        close(fd);
        return MHD_NO;
    }
    resp = MHD_create_response_from_fd((size_t)sb.st_size, fd);
    if (!resp) {
        close(fd);
        return MHD_NO;
    }
    MHD_add_response_header(resp, "Content-Type", content_type(real));
    MHD_add_response_header(resp, "Cache-Control", cache);
    add_security_headers(r, resp);
    ret = MHD_queue_response(r->conn, MHD_HTTP_OK, resp);
    MHD_destroy_response(resp);
    r->status = MHD_HTTP_OK;
    pvs_stats_add(PVS_STAT_HTTP_2XX, 1);
    return ret;
}

/* ---- answering ---- */

static void count_status(int status) {
    if (status >= 500)
        pvs_stats_add(PVS_STAT_HTTP_5XX, 1);
    else if (status >= 400)
        pvs_stats_add(PVS_STAT_HTTP_4XX, 1);
    else if (status >= 300)
        pvs_stats_add(PVS_STAT_HTTP_3XX, 1);
    else
        pvs_stats_add(PVS_STAT_HTTP_2XX, 1);
    if (status == 429)
        pvs_stats_add(PVS_STAT_HTTP_RATE_LIMITED, 1);
}

static enum MHD_Result respond(struct web_req *r) {
    struct MHD_Response *resp;
    enum MHD_Result ret;
    size_t len = 0;
    char *data;

    if (!r->status)
        pvs_web_error(r, 500, NULL, "no answer");
    data = pvs_buf_detach(&r->out, &len);
    resp =
        MHD_create_response_from_buffer_with_free_callback(len, data, pvs_free);
    if (!resp) {
        pvs_free(data);
        return MHD_NO;
    }
    MHD_add_response_header(resp, "Content-Type",
                            r->ctype ? r->ctype : "application/json");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    add_security_headers(r, resp);
    if (r->cookie[0])
        MHD_add_response_header(resp, "Set-Cookie", r->cookie);
    if (r->status == 429 || r->retry_after_s > 0) {
        char ra[24];
        pvs_snprintf(ra, sizeof(ra), "%lld",
                     (long long)(r->retry_after_s > 0 ? r->retry_after_s : 1));
        MHD_add_response_header(resp, "Retry-After", ra);
    }
    if (r->status == 401)
        MHD_add_response_header(resp, "WWW-Authenticate",
                                "Bearer realm=\"pvsentry\"");
    ret = MHD_queue_response(r->conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    count_status(r->status);
    r->started = true;
    return ret;
}

static void healthz(struct web_req *r) {
    struct pvs_store *st = pvs_web_store(r);
    struct pvs_buf down;

    if (!st || pvs_store_version(st) < 1) {
        pvs_web_error(r, 503, NULL, "the database cannot be read");
        return;
    }
    /* The links that are down are named: the operator's probe says
     * why. */
    pvs_buf_init(&down, 8192);
    pthread_mutex_lock(&r->w->epoch_lock);
    if (r->w->health_fn)
        r->w->health_fn(r->w->health_ud, &down);
    pthread_mutex_unlock(&r->w->epoch_lock);
    if (down.len) {
        const char *p = down.data;
        pvs_buf_printf(&r->out, "{\"status\": \"degraded\", \"failing\": "
                                "[");
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            char *name = pvs_strndup(p, n);
            pvs_buf_printf(&r->out, "%s", p == down.data ? "" : ", ");
            pvs_buf_json_str(&r->out, name);
            pvs_free(name);
            p += n + (nl ? 1 : 0);
        }
        pvs_buf_printf(&r->out, "], \"inbox\": %zu}\n",
                       pvs_queue_len(r->w->inbox));
        pvs_buf_release(&down);
        pvs_web_json(r, 503);
        return;
    }
    pvs_buf_release(&down);
    pvs_buf_printf(&r->out, "{\"status\": \"ok\", \"inbox\": %zu}\n",
                   pvs_queue_len(r->w->inbox));
    pvs_web_json(r, 200);
}

static bool path_clean(const char *url) {
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '\\')
            return false;
    return !strstr(url, "/../") && !strstr(url, "/./") &&
           strcmp(url + (strlen(url) >= 3 ? strlen(url) - 3 : 0), "/..");
}

static enum MHD_Result dispatch(struct web_req *r) {
    struct pvs_web *w = r->w;
    const char *m = r->method;
    const char *u = r->url;
    enum MHD_Result ret;

    if (strcmp(m, "GET") && strcmp(m, "HEAD") && strcmp(m, "POST") &&
        strcmp(m, "PUT") && strcmp(m, "PATCH") && strcmp(m, "DELETE")) {
        pvs_web_error(r, 405, NULL, "method %s is not allowed", m);
        return respond(r);
    }
    if (!path_clean(u) || strstr(u, "..")) {
        pvs_web_error(r, 400, NULL, "bad path");
        return respond(r);
    }
    if (!strcmp(u, "/api/v1/openapi.json") &&
        (!strcmp(m, "GET") || !strcmp(m, "HEAD"))) {
        ret = queue_file(r, w->static_dir, "openapi.json", "no-cache");
        if (ret == MHD_YES || r->status)
            return ret;
        pvs_web_error(r, 404, NULL, "openapi.json is not installed");
    } else if (!strncmp(u, "/l/", 3)) {
        /* Links in customer messages (links.c): signed, no login. */
        pvs_links_handle(r, u + 3);
    } else if (!strcmp(u, "/healthz")) {
        healthz(r);
    } else if (!strcmp(u, "/metrics")) {
        pvs_api_metrics(r);
    } else if (!strncmp(u, "/api/v1/", 8) || !strcmp(u, "/api/v1")) {
        int st = pvs_auth_identify(r);
        if (st)
            pvs_web_error(r, st, NULL,
                          "the token is not valid (revoked, "
                          "expired or unknown)");
        else
            pvs_api_handle(r, u[7] ? u + 8 : "");
    } else if (strcmp(m, "GET") && strcmp(m, "HEAD")) {
        pvs_web_error(r, 405, NULL, "method %s is not allowed here", m);
    } else {
        const char *rel = !strcmp(u, "/") ? "index.html" : u + 1;
        if (!strncmp(rel, "vendor/chart.js/", 16)) {
            ret = queue_file(r, w->http->chartjs_dir, rel + 16,
                             "public, max-age=86400");
            if (ret == MHD_YES || r->status)
                return ret;
        } else {
            ret = queue_file(r, w->static_dir, rel, "no-cache");
            if (ret == MHD_YES || r->status)
                return ret;
        }
        pvs_web_error(r, 404, NULL, "not found");
    }
    store_put(r);
    if (r->suspended)
        return MHD_YES; /* a hash thread resumes it (auth.c) */
    return respond(r);
}

/* A suspended request is back: finish its answer. */
static enum MHD_Result resumed(struct web_req *r) {
    bool done;

    pthread_mutex_lock(&r->w->hash_lock);
    done = r->job.done;
    pthread_mutex_unlock(&r->w->hash_lock);
    if (!done)
        return MHD_YES;
    r->suspended = false;
    r->resume(r);
    store_put(r);
    return respond(r);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls) {
    struct pvs_web *w = cls;
    struct web_req *r = *con_cls;
    const char *cl;

    (void)version;
    if (!r) {
        r = pvs_calloc(1, sizeof(*r));
        r->w = w;
        r->epoch = epoch_enter(w);
        r->conn = conn;
        r->method = method;
        pvs_buf_init(&r->body, (size_t)w->http->max_body);
        pvs_buf_init(&r->out, WEB_OUT_MAX);
        *con_cls = r;
        client_addr(r);
        if (!pvs_strlcpy(r->url, url, sizeof(r->url))) {
            pvs_web_error(r, 414, NULL, "the URL is too long");
            return respond(r);
        }
        if (!rate_ok(w, r->client)) {
            pvs_web_error(r, 429, NULL, "too many requests: slow down");
            return respond(r);
        }
        cl = pvs_web_header(r, "Content-Length");
        if (cl) {
            int64_t n;
            if (pvs_parse_i64(cl, &n) || n < 0 || n > w->http->max_body) {
                pvs_web_error(r, 413, NULL,
                              "the request body is larger than %lld bytes",
                              (long long)w->http->max_body);
                return respond(r);
            }
        }
        return MHD_YES;
    }
    if (r->suspended)
        return resumed(r);
    if (r->started) {
        /* Answered already (413, 429): swallow what the client sends. */
        *upload_size = 0;
        return MHD_YES;
    }
    if (*upload_size) {
        if (!r->too_large && pvs_buf_add(&r->body, upload, *upload_size)) {
            r->too_large = true;
            pvs_buf_release(&r->body);
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (r->too_large) {
        pvs_web_error(r, 413, NULL,
                      "the request body is larger than %lld bytes",
                      (long long)w->http->max_body);
        return respond(r);
    }
    return dispatch(r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
    struct web_req *r = *con_cls;

    (void)cls;
    (void)conn;
    (void)toe;
    if (!r)
        return;
    epoch_leave(r->w, r->epoch);
    store_put(r);
    pvs_buf_release(&r->body);
    pvs_buf_release(&r->out);
    pvs_free(r);
    *con_cls = NULL;
}

static void on_log(void *cls, const char *fmt, va_list ap) {
    char msg[512];
    size_t n;

    (void)cls;
    vsnprintf(msg, sizeof(msg), fmt, ap);
    n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == '.'))
        msg[--n] = '\0';
    pvs_warn("libmicrohttpd: %s", msg);
}

/* ---- lifecycle ---- */

static char *read_small_file(const char *path, size_t max) {
    char ebuf[128];
    struct pvs_buf b;
    char chunk[4096];
    FILE *f = fopen(path, "r");
    size_t n;

    if (!f) {
        pvs_error("cannot read '%s': %s", path,
                  pvs_strerror(errno, ebuf, sizeof(ebuf)));
        return NULL;
    }
    pvs_buf_init(&b, max);
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        if (pvs_buf_add(&b, chunk, n)) {
            pvs_error("'%s' is larger than %zu bytes", path, max);
            pvs_buf_release(&b);
            fclose(f);
            return NULL;
        }
    }
    fclose(f);
    return pvs_buf_detach(&b, NULL);
}

/* web/static next to the binary (build tree), else the installed one. */
static void find_static_dir(struct pvs_web *w) {
    char exe[PATH_MAX], cand[WEB_PATH_MAX];
    ssize_t n;

    if (w->http->static_dir) {
        pvs_strlcpy(w->static_dir, w->http->static_dir, sizeof(w->static_dir));
        return;
    }
    pvs_strlcpy(w->static_dir, "/usr/local/share/pvsentry/static",
                sizeof(w->static_dir));
    n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return;
    exe[n] = '\0';
    {
        const char *rel[] = {"../web/static", "../../web/static",
                             "../share/pvsentry/static"};
        char *dir = dirname(exe);
        for (size_t i = 0; i < PVS_ARRAY_LEN(rel); i++) {
            pvs_snprintf(cand, sizeof(cand), "%s/%s/index.html", dir, rel[i]);
            if (access(cand, R_OK) == 0) {
                pvs_snprintf(w->static_dir, sizeof(w->static_dir), "%s/%s", dir,
                             rel[i]);
                return;
            }
        }
    }
}

enum pvs_err pvs_web_new(const struct pvs_config *cfg, struct pvs_queue *inbox,
                         struct pvs_web **ret) {
    struct pvs_web *w;
    enum pvs_err rc;

    *ret = NULL;
    if (!cfg->http)
        return PVS_OK;
    rc = pvs_auth_init();
    if (rc)
        return rc;
    w = pvs_calloc(1, sizeof(*w));
    w->cfg = cfg;
    w->http = cfg->http;
    w->inbox = inbox;
    pthread_mutex_init(&w->pool_lock, NULL);
    pthread_mutex_init(&w->rl_lock, NULL);
    pthread_mutex_init(&w->epoch_lock, NULL);
    w->buckets = pvs_calloc(WEB_BUCKETS, sizeof(*w->buckets));
    find_static_dir(w);
    rc = pvs_auth_start(w);
    if (rc)
        goto out;
    if (w->http->tls_cert) {
        w->tls_cert = read_small_file(w->http->tls_cert, 1 << 20);
        w->tls_key = read_small_file(w->http->tls_key, 1 << 20);
        if (!w->tls_cert || !w->tls_key) {
            rc = PVS_ERR_CONFIG;
            goto out;
        }
        if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
            pvs_error("this libmicrohttpd has no TLS: serve pvsentry behind "
                      "a reverse proxy (deploy/nginx-pvsentry.conf)");
            rc = PVS_ERR_CONFIG;
            goto out;
        }
    }
    rc = pvs_auth_load_admin(w);
out:
    if (rc) {
        pvs_web_free(w);
        return rc;
    }
    *ret = w;
    return PVS_OK;
}

/*
 * Start libmicrohttpd. Bound: listen on [http] listen:port with a pool of
 * worker threads. Unbound: no listen socket, a thread per connection, and
 * connections only through pvs_web_add_connection.
 */
static enum pvs_err start(struct pvs_web *w, bool bound) {
    struct sockaddr_storage ss;
    struct MHD_OptionItem tls[] = {
        {MHD_OPTION_HTTPS_MEM_KEY, 0, w->tls_key},
        {MHD_OPTION_HTTPS_MEM_CERT, 0, w->tls_cert},
        {MHD_OPTION_END, 0, NULL},
    };
    /* SO_REUSEPORT: the next server binds before this one lets go. */
    struct MHD_OptionItem sock[] = {
        {MHD_OPTION_SOCK_ADDR, 0, &ss},
        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)w->http->threads, NULL},
        {MHD_OPTION_LISTENING_ADDRESS_REUSE, 1, NULL},
        {MHD_OPTION_END, 0, NULL},
    };
    /* ITC: the listen socket can be closed alone (pvs_web_retire). */
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG |
                     MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC;
    uint16_t port = (uint16_t)w->http->port;
    /*
     * Behind a trusted proxy every connection comes from the proxy, so a
     * per-address cap would cap everyone: the proxy limits clients then.
     */
    unsigned per_client =
        w->http->trust_proxy ? 0 : (unsigned)w->http->max_client_connections;

    memset(&ss, 0, sizeof(ss));
    if (!bound) {
        /*
         * libmicrohttpd ignores a thread pool without a listen socket: a
         * thread per connection instead. poll() rather than epoll: it sees
         * at once that a client shut its side after the request (epoll
         * waits for the idle timeout), so a caller can end a connection
         * that way.
         */
        flags = MHD_USE_POLL_INTERNAL_THREAD | MHD_USE_THREAD_PER_CONNECTION |
                MHD_USE_ERROR_LOG | MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC;
        port = 0;
        sock[0].option = MHD_OPTION_END;
        per_client = 0;
    } else if (inet_pton(AF_INET, w->http->listen,
                         &((struct sockaddr_in *)&ss)->sin_addr) == 1) {
        ((struct sockaddr_in *)&ss)->sin_family = AF_INET;
        ((struct sockaddr_in *)&ss)->sin_port = htons(port);
    } else if (inet_pton(AF_INET6, w->http->listen,
                         &((struct sockaddr_in6 *)&ss)->sin6_addr) == 1) {
        ((struct sockaddr_in6 *)&ss)->sin6_family = AF_INET6;
        ((struct sockaddr_in6 *)&ss)->sin6_port = htons(port);
        flags |= MHD_USE_IPv6;
    } else {
        pvs_error("cannot listen on '%s': expected an IPv4 or IPv6 address",
                  w->http->listen);
        return PVS_ERR_CONFIG;
    }
    w->can_suspend = bound;
    if (w->tls_cert)
        flags |= MHD_USE_TLS;
    else
        tls[0].option = MHD_OPTION_END;
    w->mhd = MHD_start_daemon(
        flags, port, NULL, NULL, on_request, w, MHD_OPTION_EXTERNAL_LOGGER,
        on_log, w, MHD_OPTION_ARRAY, sock, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)w->http->max_connections, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        per_client, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)(w->http->timeout_ms / 1000), MHD_OPTION_NOTIFY_COMPLETED,
        on_completed, w, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)(64 * 1024), MHD_OPTION_ARRAY, tls, MHD_OPTION_END);
    if (!w->mhd) {
        if (bound)
            pvs_error("cannot listen on %s port %lld (in use, or not "
                      "allowed?)",
                      w->http->listen, (long long)w->http->port);
        else
            pvs_error("cannot start the HTTP server");
        return PVS_ERR_IO;
    }
    if (bound)
        pvs_info("listening on %s://%s:%lld (dashboard files from '%s')",
                 w->tls_cert ? "https" : "http", w->http->listen,
                 (long long)w->http->port, w->static_dir);
    return PVS_OK;
}

enum pvs_err pvs_web_start(struct pvs_web *w) {
    return start(w, true);
}

enum pvs_err pvs_web_start_unbound(struct pvs_web *w) {
    return start(w, false);
}

enum pvs_err pvs_web_add_connection(struct pvs_web *w, int fd) {
    struct sockaddr_in sin;

    if (!w->mhd) {
        close(fd);
        return PVS_ERR_CLOSED;
    }
    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    /* libmicrohttpd owns fd from here on, and closes it on failure. */
    if (MHD_add_connection(w->mhd, fd, (const struct sockaddr *)&sin,
                           sizeof(sin)) != MHD_YES)
        return PVS_ERR_IO;
    return PVS_OK;
}

void pvs_web_stop(struct pvs_web *w) {
    if (!w || !w->mhd)
        return;
    /* Finish the password checks first: they resume their requests. */
    pvs_auth_stop(w);
    MHD_stop_daemon(w->mhd);
    w->mhd = NULL;
}

void pvs_web_retire(struct pvs_web *w, int64_t max_wait_ms) {
    struct timespec ts = {0, 10 * 1000000L};
    int64_t waited = 0;
    MHD_socket fd;

    if (!w || !w->mhd)
        return;
    fd = MHD_quiesce_daemon(w->mhd);
    if (fd != MHD_INVALID_SOCKET)
        close(fd);
    while (!pvs_web_done_before(w, UINT64_MAX) && waited < max_wait_ms) {
        nanosleep(&ts, NULL);
        waited += 10;
    }
    pvs_web_stop(w);
}

void pvs_web_free(struct pvs_web *w) {
    if (!w)
        return;
    pvs_web_stop(w);
    for (size_t i = 0; i < w->npool; i++)
        pvs_store_close(w->pool[i]);
    pthread_mutex_destroy(&w->pool_lock);
    pthread_mutex_destroy(&w->rl_lock);
    pthread_mutex_destroy(&w->epoch_lock);
    pvs_auth_free(w);
    pvs_free(w->buckets);
    if (w->tls_key)
        sodium_memzero(w->tls_key, strlen(w->tls_key));
    pvs_free(w->tls_key);
    pvs_free(w->tls_cert);
    pvs_free(w);
}
