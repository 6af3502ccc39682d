/* SPDX-License-Identifier: MIT */
/*
 * entries.c - fuzz entry points (see entries.h). Compiled into each
 * libFuzzer target and included by tests/unit/test_fuzz_regress.c.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h> /* lint: allow (the target watches the database) */

#include "pvs/clock.h"
#include "pvs/command.h"
#include "pvs/config.h"
#include "pvs/engine.h"
#include "pvs/engine_api.h"
#include "pvs/log.h"
#include "pvs/msg.h"
#include "pvs/mqtt.h"
#include "pvs/rules.h"
#include "pvs/sunspec.h"
#include "pvs/util.h"
#include "pvs/web.h"
#include "pvs/web_views.h"

#include "entries.h"

/* ---- config ---- */

static char cfg_dir[64];

static const char *config_path(void) {
    static char path[96];

    if (!cfg_dir[0]) {
        pvs_strlcpy(cfg_dir, "/tmp/pvs-fuzz-XXXXXX", sizeof(cfg_dir));
        if (!mkdtemp(cfg_dir))
            abort();
        pvs_snprintf(path, sizeof(path), "%s/in.conf", cfg_dir);
    }
    return path;
}

/*
 * `include`, `credentials` and `ca_file` open what they name: an input
 * pointing at /dev/zero or / would test the file system, not the parser.
 * In those lines '/' becomes '_', so every file they name lies in the
 * private directory, which holds only the input itself.
 */
static bool opens_files(const uint8_t *p, size_t n) {
    static const char *const keys[] = {"include", "credentials", "ca_file"};

    while (n && (*p == ' ' || *p == '\t')) {
        p++;
        n--;
    }
    for (size_t k = 0; k < PVS_ARRAY_LEN(keys); k++) {
        size_t len = strlen(keys[k]), i;
        for (i = 0; i < len && i < n; i++)
            if (tolower(p[i]) != keys[k][i])
                break;
        if (i == len)
            return true;
    }
    return false;
}

static uint8_t *confine(const uint8_t *data, size_t size) {
    uint8_t *copy = pvs_malloc(size + 1);
    size_t line = 0;
    bool files = false;

    memcpy(copy, data, size);
    for (size_t i = 0; i < size; i++) {
        if (i == line)
            files = opens_files(copy + i, size - i);
        if (copy[i] == '\n')
            line = i + 1;
        else if (files && copy[i] == '/')
            copy[i] = '_';
    }
    return copy;
}

int pvs_fuzz_config(const uint8_t *data, size_t size) {
    const char *path = config_path();
    struct pvs_cfg_errors errs;
    struct pvs_config *cfg;
    struct pvs_ruleset *rs = NULL;
    FILE *f;

    uint8_t *copy = confine(data, size);

    f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(copy, 1, size, f) != size)
        abort();
    fclose(f);
    pvs_free(copy);
    memset(&errs, 0, sizeof(errs));
    cfg = pvs_config_load_all(path, &errs);
    if (cfg && !pvs_ruleset_new(cfg, NULL, NULL, &rs, &errs))
        pvs_ruleset_free(rs);
    pvs_cfg_errors_sort(&errs);
    pvs_config_free(cfg);
    pvs_cfg_errors_release(&errs);
    return 0;
}

/* ---- MQTT payloads ---- */

static struct pvs_config *mqtt_cfg;
static struct pvs_mqtt_map *mqtt_map;

static const char mqtt_conf[] =
    "[site \"s1\"]\nlatitude = 45\nlongitude = 4\n"
    "[site \"s2\"]\nlatitude = 45\nlongitude = 4\n"
    "[device \"inv1\"]\nsite = s1\n"
    "[device \"inv2\"]\nsite = s1\n"
    "[device \"m1\"]\nsite = s2\nkind = meter\n"
    /* gateway layouts: one of each payload form */
    "[device \"hm1\"]\nsite = s1\nserial = 11\n"
    "[device \"g1\"]\nsite = s2\n"
    "[device \"d1\"]\nsite = s2\n"
    "[mqtt_map \"dtu\"]\npreset = opendtu\nsite = s1\ngateway = inv2\n"
    "[mqtt_map \"sma\"]\npreset = sbfspot\ndevice = 22 inv1\n"
    "[mqtt_map \"gx\"]\npreset = venus\nprefix = c0\ndevice = 20 g1\n"
    "[mqtt_map \"em\"]\npreset = shelly\ndevice = em1 m1\n"
    "[mqtt_map \"deye\"]\npreset = deye\ndevice = d1\n";

static void mqtt_setup(void) {
    const char *path = config_path();
    struct pvs_cfg_errors errs;
    FILE *f = fopen(path, "w");

    if (!f || fputs(mqtt_conf, f) < 0 || fclose(f))
        abort();
    memset(&errs, 0, sizeof(errs));
    if (pvs_config_load(path, &mqtt_cfg, &errs))
        abort();
    mqtt_map = pvs_mqtt_map_new(mqtt_cfg);
}

int pvs_fuzz_mqtt_payload(const uint8_t *data, size_t size) {
    char topic[256] = "pvsentry/s1/inv1";
    const uint8_t *nl = memchr(data, '\n', size < 200 ? size : 200);
    struct pvs_msg *m = NULL;
    size_t unknown = 0;
    char why[160];
    enum pvs_mqtt_result r;

    if (!mqtt_map)
        mqtt_setup();
    if (nl) {
        size_t n = (size_t)(nl - data);
        memcpy(topic, data, n);
        topic[n] = '\0';
        size -= n + 1;
        data = nl + 1;
    }
    /* Paho hands over a buffer without terminator: so do we (ASan sees
     * any read past it). */
    r = pvs_mqtt_map_parse(mqtt_map, topic, data, size, 1732780800000LL, &m,
                           &unknown, why, sizeof(why));
    if (r == PVS_MQTT_OK) {
        PVS_ASSERT(m && m->type == PVS_MSG_SAMPLES && m->nsamples > 0);
        for (size_t i = 0; i < m->nsamples; i++) {
            PVS_ASSERT(m->samples[i].dev < mqtt_cfg->ndevices);
            PVS_ASSERT(m->samples[i].metric < PVS_M__COUNT);
            PVS_ASSERT(m->samples[i].quality != PVS_Q_OK ||
                       isfinite(m->samples[i].value));
        }
        pvs_msg_free(m);
    } else {
        PVS_ASSERT(m == NULL);
        PVS_ASSERT(memchr(why, '\0', sizeof(why)));
    }
    return 0;
}

/* ---- SunSpec ---- */

static struct pvs_ss_image *image;
static size_t image_regs;

static void visit_point(void *ctx, const struct pvs_ss_point_ref *ref,
                        const struct pvs_ss_value *v) {
    unsigned *n = ctx;

    (void)ref;
    PVS_ASSERT(v->kind != PVS_SS_V_STRING ||
               memchr(v->str, '\0', sizeof(v->str)));
    (*n)++;
}

int pvs_fuzz_sunspec(const uint8_t *data, size_t size) {
    struct pvs_ss_device *d = NULL;
    struct pvs_ss_metric out[PVS_SS_MAX_BINDINGS];
    struct pvs_ss_visitor v = {NULL, NULL, visit_point};
    size_t nregs = size / 2;
    unsigned points = 0, quirks = 0;
    char bits[512];

    if (!image)
        image = pvs_calloc(1, sizeof(*image));
    /* Only the registers the last input set are valid: clear those. */
    memset(image->valid + 40000, 0, 2 + image_regs);
    if (nregs > 65536 - 40002)
        nregs = 65536 - 40002;
    image->regs[40000] = 0x5375; /* "Su" */
    image->regs[40001] = 0x6e53; /* "nS" */
    image->valid[40000] = image->valid[40001] = 1;
    image_regs = nregs;
    for (size_t i = 0; i < nregs; i++) {
        image->regs[40002 + i] =
            (uint16_t)((unsigned)data[2 * i] << 8 | data[2 * i + 1]);
        image->valid[40002 + i] = 1;
    }
    if (pvs_sunspec_discover(pvs_sunspec_image_read, image, &d))
        return 0;
    for (size_t i = 0; i < d->nmodels; i++)
        pvs_sunspec_walk(&d->models[i], &v, &points, &quirks);
    {
        size_t n = pvs_sunspec_metrics(d, out, PVS_ARRAY_LEN(out));
        PVS_ASSERT(n <= PVS_ARRAY_LEN(out));
        for (size_t i = 0; i < n; i++)
            if (out[i].metric == PVS_M_EVENT_BITS && out[i].pt &&
                out[i].quality == PVS_Q_OK && out[i].value >= 0 &&
                out[i].value < 18446744073709551616.0)
                pvs_sunspec_bit_names(out[i].pt, (uint64_t)out[i].value, bits,
                                      sizeof(bits));
    }
    pvs_sunspec_refresh(d, pvs_sunspec_image_read, image);
    pvs_sunspec_device_free(d);
    return 0;
}

/* ---- HTTP requests ---- */

/*
 * One server for the whole run: the real web/ code with its engine and a
 * database in a private directory, on a simulated clock that stands still
 * (1 s of real time is 1 us), so ids, timestamps and signed links are the
 * same in every run and the corpus can carry credentials. Each input is
 * written to a socketpair handed to the server as one client connection;
 * the write side is then shut, so the server answers what it got and
 * closes. An input that changed the database (data_version moves) is
 * followed by a restart on a copy of the pristine database: every input
 * starts from the same state.
 */
#define HTTP_START "2024-06-21T10:00:00Z"
#define HTTP_SPEED 1e-6
#define HTTP_ADMIN_TOKEN "pvs-fuzz-admin-token-0123456789"
#define HTTP_LINK_KEY                                                          \
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define HTTP_PASSWORD "fuzz-password-1"
#define HTTP_SESSION "pvs-fuzz-session-tech1"
#define HTTP_ANSWER_MAX (4u << 20)
#define HTTP_DEADLINE_MS 30000

static const char http_conf[] =
    "[global]\ndatabase = %s/pvs.db\nlink_secret = %s/link.key\n"
    "[http]\nadmin_token_file = %s/admin.token\n%s%s%s"
    "rate_limit = 100000\nrate_burst = 100000\nmax_body = 2k\n"
    "timeout = 5s\ntrust_proxy = true\nsession_lifetime = 1h\n"
    "[technician \"tech1\"]\nname = Ann Tech\nemail = ann@example.com\n"
    "[technician \"tech2\"]\nname = Bob Tech\nemail = bob@example.com\n"
    "[customer \"cu1\"]\nname = Jean Dupont\nemail = jean@example.net\n"
    "[customer \"cu2\"]\nname = Claire Martin\nemail = claire@example.net\n"
    "[site \"s1\"]\nname = Dupont house\nlatitude = 45.75\n"
    "longitude = 4.85\ntimezone = Europe/Paris\nkwp = 5\ncustomer = cu1\n"
    "technician = tech1\naccess_notes = key under the mat\n"
    "[device \"s1-inv1\"]\nsite = s1\nkind = inverter\nkwp = 5\n"
    "[site \"s2\"]\nname = Martin farm\nlatitude = 47.22\nlongitude = -1.55\n"
    "timezone = Europe/Paris\nkwp = 5\ncustomer = cu2\ntechnician = tech2\n"
    "[device \"s2-inv1\"]\nsite = s2\nkind = inverter\nkwp = 5\n";

/* The accounts of the corpus (ids 1.. in this order), each with a fixed
 * API token "pvs_fuzz_<username>". */
static const struct {
    const char *username, *role, *person;
} http_users[] = {
    {"tech1", "technician", "tech1"},
    {"cu1", "customer", "cu1"},
    {"inst", "installer", NULL},
    {"boss", "admin", NULL},
};

static char http_dir[64];
static struct pvs_config *http_cfg;
static struct pvs_engine *http_engine;
static struct pvs_web *http_web;
static sqlite3 *http_watch; /* read-only: PRAGMA data_version */
static int64_t http_version;
static struct sigaction http_old_hup, http_old_pipe;
static bool http_trace; /* PVS_FUZZ_TRACE=1: every answer to stderr */

static void http_path(char *buf, size_t size, const char *name) {
    pvs_snprintf(buf, size, "%s/%s", http_dir, name);
}

static void http_write_file(const char *name, const char *text) {
    char path[128];
    FILE *f;

    http_path(path, sizeof(path), name);
    f = fopen(path, "w");
    PVS_ASSERT(f && fputs(text, f) >= 0 && fclose(f) == 0);
    /* The admin token is a secret: others may not read it. */
    PVS_ASSERT(chmod(path, 0600) == 0);
}

static int64_t http_data_version(void) {
    sqlite3_stmt *s = NULL;
    int64_t v = -1;

    if (sqlite3_prepare_v2(http_watch, "PRAGMA data_version", -1, &s, NULL) ==
            SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    PVS_ASSERT(v >= 0);
    return v;
}

static void http_up(void) {
    char path[128];

    PVS_ASSERT(!pvs_engine_new(http_cfg, &http_engine));
    PVS_ASSERT(!pvs_engine_start(http_engine));
    PVS_ASSERT(
        !pvs_web_new(http_cfg, pvs_engine_inbox(http_engine), &http_web));
    PVS_ASSERT(http_web);
    PVS_ASSERT(!pvs_web_start_unbound(http_web));
    http_path(path, sizeof(path), "pvs.db");
    PVS_ASSERT(sqlite3_open_v2(path, &http_watch, SQLITE_OPEN_READONLY, NULL) ==
               SQLITE_OK);
    sqlite3_busy_timeout(http_watch, 5000);
    http_version = http_data_version();
}

static void http_down(void) {
    sqlite3_close(http_watch);
    http_watch = NULL;
    pvs_web_free(http_web);
    http_web = NULL;
    pvs_engine_free(http_engine);
    http_engine = NULL;
}

static void http_copy(const char *from, const char *to) {
    char src[128], dst[128], buf[65536];
    FILE *in, *out;
    size_t n;

    http_path(src, sizeof(src), from);
    http_path(dst, sizeof(dst), to);
    in = fopen(src, "rb");
    out = fopen(dst, "wb");
    PVS_ASSERT(in && out);
    while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
        PVS_ASSERT(fwrite(buf, 1, n, out) == n);
    PVS_ASSERT(!ferror(in) && fclose(out) == 0);
    fclose(in);
}

/* Back to the state after setup (the server is down meanwhile). */
static void http_reset(void) {
    char path[128];

    http_down();
    http_path(path, sizeof(path), "pvs.db-wal");
    unlink(path);
    http_path(path, sizeof(path), "pvs.db-shm");
    unlink(path);
    http_copy("pristine.db", "pvs.db");
    http_up();
}

static void http_hash(const char *secret, char out[65]) {
    unsigned char h[32];

    crypto_generichash(h, sizeof(h), (const unsigned char *)secret,
                       strlen(secret), NULL, 0);
    sodium_bin2hex(out, 65, h, sizeof(h));
}

/* Run one engine command; returns its result id. */
static int64_t http_command(int kind, int64_t other_id, const char *site,
                            const char *actor, const char *text) {
    struct pvs_command *c = pvs_command_new((enum pvs_command_kind)kind);
    int64_t id;

    c->other_id = other_id;
    pvs_strlcpy(c->site_id, site ? site : "", sizeof(c->site_id));
    pvs_strlcpy(c->actor, actor, sizeof(c->actor));
    if (kind == PVS_CMD_API_SILENCE_CREATE) {
        /* Its fields go typed, as the API sends them. */
        cJSON *j = cJSON_Parse(text);
        c->vals = pvs_view_obj_vals(pvs_entity_find("silence"), j);
        cJSON_Delete(j);
    } else {
        pvs_strlcpy(c->text, text, sizeof(c->text));
    }
    PVS_ASSERT(!pvs_command_call(pvs_engine_inbox(http_engine), c, 10000));
    if (c->result)
        fprintf(stderr, "fuzz http setup: %s\n", c->message);
    PVS_ASSERT(!c->result);
    id = c->result_id;
    pvs_command_put(c);
    return id;
}

/* Readings of s1-inv1: producing, then in fault for two minutes. */
static void http_fault(void) {
    static const struct {
        int64_t ago_ms;
        enum pvs_metric metric;
        double value;
    } in[] = {
        {600000, PVS_M_AC_POWER_W, 3120}, {600000, PVS_M_STATE, PVS_ST_MPPT},
        {120000, PVS_M_AC_POWER_W, 0},    {120000, PVS_M_STATE, PVS_ST_FAULT},
        {0, PVS_M_AC_POWER_W, 0},         {0, PVS_M_STATE, PVS_ST_FAULT},
    };
    struct pvs_msg *m = pvs_msg_new(PVS_MSG_SAMPLES, PVS_ARRAY_LEN(in));
    int64_t now = pvs_clock_now_ms();

    for (size_t i = 0; i < PVS_ARRAY_LEN(in); i++) {
        m->samples[i].dev = 0;
        m->samples[i].metric = in[i].metric;
        m->samples[i].ts_ms = now - in[i].ago_ms;
        m->samples[i].value = in[i].value;
    }
    PVS_ASSERT(!pvs_queue_push(pvs_engine_inbox(http_engine), m, 10000));
}

/* The accounts, their tokens, a session, three tickets (two from customer
 * messages, one from an inverter fault) and a silence. */
static void http_populate(void) {
    struct timespec ts;
    char text[512], hash[65], tok[64], pwhash[crypto_pwhash_STRBYTES];
    int64_t wall, id;

    clock_gettime(CLOCK_REALTIME, &ts);
    wall = (int64_t)ts.tv_sec * 1000;
    /* The cheapest parameters: a login by the corpus stays fast. */
    PVS_ASSERT(!crypto_pwhash_str(pwhash, HTTP_PASSWORD, strlen(HTTP_PASSWORD),
                                  crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN));
    for (size_t i = 0; i < PVS_ARRAY_LEN(http_users); i++) {
        pvs_snprintf(text, sizeof(text),
                     "{\"username\": \"%s\", \"role\": \"%s\", "
                     "\"person\": \"%s\", \"pwhash\": \"%s\", "
                     "\"now\": %lld}",
                     http_users[i].username, http_users[i].role,
                     http_users[i].person ? http_users[i].person : "", pwhash,
                     (long long)wall);
        id = http_command(PVS_CMD_API_USER_CREATE, 0, NULL, "fuzz", text);
        PVS_ASSERT(id == (int64_t)i + 1);
        pvs_snprintf(tok, sizeof(tok), "pvs_fuzz_%s", http_users[i].username);
        http_hash(tok, hash);
        pvs_snprintf(text, sizeof(text),
                     "{\"name\": \"fuzz\", \"hash\": \"%s\", \"now\": %lld}",
                     hash, (long long)wall);
        http_command(PVS_CMD_API_TOKEN_CREATE, id, NULL, "fuzz", text);
    }
    http_hash(HTTP_SESSION, hash);
    pvs_snprintf(text, sizeof(text),
                 "{\"hash\": \"%s\", \"now\": %lld, \"expires\": %lld}", hash,
                 (long long)wall, (long long)(wall + 3650LL * 86400000));
    http_command(PVS_CMD_API_SESSION_CREATE, 1, NULL, "tech1", text);
    PVS_ASSERT(http_command(PVS_CMD_CUSTOMER_CONTACT, 0, "s1", "customer:cu1",
                            "the inverter shows a red light") == 1);
    PVS_ASSERT(http_command(PVS_CMD_CUSTOMER_CONTACT, 0, "s2", "customer:cu2",
                            "no production since yesterday") == 2);
    http_fault();
    http_command(PVS_CMD_API_SILENCE_CREATE, 0, NULL, "boss",
                 "{\"site\": \"s2\", \"reason\": \"roof works\", "
                 "\"start\": 1718928000000, \"end\": 1719100800000}");
}

static void http_setup(void) {
    char conf[8192], path[PATH_MAX], stat_dir[PATH_MAX];
    struct pvs_cfg_errors errs;
    struct sigaction ign;
    int64_t start;
    const char *fuzz = getenv("PVS_FUZZ_DIR");
    bool have_static;

    /* The dashboard's files, from the tree the inputs come from. */
    pvs_snprintf(path, sizeof(path), "%s/../../web/static",
                 fuzz && *fuzz ? fuzz : "tests/fuzz");
    have_static = realpath(path, stat_dir) != NULL;
    http_trace = getenv("PVS_FUZZ_TRACE") && *getenv("PVS_FUZZ_TRACE") == '1';
    pvs_strlcpy(http_dir, "/tmp/pvs-fuzz-http-XXXXXX", sizeof(http_dir));
    PVS_ASSERT(mkdtemp(http_dir));
    http_write_file("admin.token", HTTP_ADMIN_TOKEN "\n");
    http_write_file("link.key", HTTP_LINK_KEY "\n");
    pvs_snprintf(conf, sizeof(conf), http_conf, http_dir, http_dir, http_dir,
                 have_static ? "static_dir = " : "",
                 have_static ? stat_dir : "", have_static ? "\n" : "");
    http_write_file("http.conf", conf);
    http_path(path, sizeof(path), "http.conf");
    memset(&errs, 0, sizeof(errs));
    if (pvs_config_load(path, &http_cfg, &errs)) {
        pvs_cfg_errors_print(&errs, stderr);
        abort();
    }
    /* A change through the API asks main to reload (SIGHUP); there is no
     * main here. Closed connections must not kill the process either. */
    memset(&ign, 0, sizeof(ign));
    ign.sa_handler = SIG_IGN;
    sigaction(SIGHUP, &ign, &http_old_hup);
    sigaction(SIGPIPE, &ign, &http_old_pipe);
    PVS_ASSERT(!pvs_clock_parse_time(HTTP_START, &start));
    pvs_clock_set_sim(start, HTTP_SPEED, 0);
    http_up();
    http_populate();
    http_down();
    http_copy("pvs.db", "pristine.db");
    http_up();
}

/* ---- the answers ---- */

/* First occurrence of needle in [p, p + n), or NULL. */
static const char *http_find(const char *p, size_t n, const char *needle) {
    size_t k = strlen(needle);

    for (size_t i = 0; i + k <= n; i++)
        if (!memcmp(p + i, needle, k))
            return p + i;
    return NULL;
}

/* Value of header name in the head [p, end), or NULL. */
static const char *http_head_value(const char *p, const char *end,
                                   const char *name) {
    size_t n = strlen(name);

    for (p = memchr(p, '\n', (size_t)(end - p)); p && p + 1 < end;
         p = memchr(p + 1, '\n', (size_t)(end - p - 1))) {
        if ((size_t)(end - p - 1) > n + 1 && !strncasecmp(p + 1, name, n) &&
            p[1 + n] == ':') {
            p += n + 2;
            while (p < end && *p == ' ')
                p++;
            return p;
        }
    }
    return NULL;
}

static void http_fail(const char *why, const uint8_t *in, size_t in_len,
                      const char *out, size_t out_len) {
    fprintf(stderr, "fuzz http: %s\n--- request (%zu bytes)\n%.*s\n", why,
            in_len, (int)(in_len < 2000 ? in_len : 2000), (const char *)in);
    fprintf(stderr, "--- answer (%zu bytes)\n%.*s\n---\n", out_len,
            (int)(out_len < 2000 ? out_len : 2000), out);
    abort();
}

/*
 * Check every answer in [out, out + n): "HTTP/1.x NNN " heads with a
 * status libmicrohttpd or web/ may send, each followed by its body
 * (Content-Length bytes or chunks; none when the next answer starts right
 * away: HEAD, 100 Continue). A 5xx other than 503 (engine busy, database
 * unreadable) or 505 (libmicrohttpd: HTTP version) is a bug.
 */
static void http_check(const uint8_t *in, size_t in_len, const char *out,
                       size_t n) {
    size_t pos = 0;

    while (pos < n) {
        const char *p = out + pos, *head_end, *v;
        size_t left = n - pos, body;
        int status;

        if (left < 13 || memcmp(p, "HTTP/1.", 7) ||
            (p[7] != '0' && p[7] != '1') || p[8] != ' ' ||
            !isdigit((unsigned char)p[9]) || !isdigit((unsigned char)p[10]) ||
            !isdigit((unsigned char)p[11]) || p[12] != ' ')
            http_fail("not an HTTP/1.x status line", in, in_len, out, n);
        status = (p[9] - '0') * 100 + (p[10] - '0') * 10 + (p[11] - '0');
        if (status < 100 || (status >= 500 && status != 503 && status != 505))
            http_fail("server error", in, in_len, out, n);
        head_end = http_find(p, left, "\r\n\r\n");
        if (!head_end)
            return; /* closed within the head: nothing more to read */
        head_end += 4;
        pos = (size_t)(head_end - out);
        if (n - pos >= 7 && !memcmp(head_end, "HTTP/1.", 7))
            continue;
        v = http_head_value(p, head_end, "Transfer-Encoding");
        if (v && !strncasecmp(v, "chunked", 7)) {
            /* out is NUL-terminated (struct pvs_buf): strtoull stops. */
            for (;;) {
                unsigned long long len = strtoull(out + pos, NULL, 16);
                const char *crlf = http_find(out + pos, n - pos, "\r\n");
                if (!crlf)
                    return;
                pos = (size_t)(crlf - out) + 2;
                if (!len) {
                    crlf = http_find(out + pos, n - pos, "\r\n");
                    pos = crlf ? (size_t)(crlf - out) + 2 : n;
                    break;
                }
                if (len > n - pos)
                    return;
                pos += (size_t)len + 2;
            }
            continue;
        }
        v = http_head_value(p, head_end, "Content-Length");
        if (!v)
            return; /* the body runs to the close */
        body = (size_t)strtoull(v, NULL, 10);
        if (body > n - pos)
            return;
        pos += body;
    }
}

int pvs_fuzz_http(const uint8_t *data, size_t size) {
    struct pvs_buf out;
    int64_t deadline;
    size_t sent = 0;
    bool writing = true;
    int sv[2];

    if (!http_web)
        http_setup();
    PVS_ASSERT(!socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                           0, sv));
    PVS_ASSERT(!pvs_web_add_connection(http_web, sv[1]));
    pvs_buf_init(&out, HTTP_ANSWER_MAX);
    if (!size) {
        shutdown(sv[0], SHUT_WR);
        writing = false;
    }
    deadline = pvs_clock_mono_ms() + HTTP_DEADLINE_MS;
    for (;;) {
        struct pollfd pfd = {sv[0], POLLIN | (writing ? POLLOUT : 0), 0};
        int64_t left = deadline - pvs_clock_mono_ms();
        char buf[16384];
        ssize_t n;

        if (left <= 0)
            http_fail("no answer in time", data, size, out.data, out.len);
        if (poll(&pfd, 1, (int)left) <= 0)
            continue;
        if (writing && (pfd.revents & (POLLOUT | POLLERR | POLLHUP))) {
            n = send(sv[0], data + sent, size - sent, MSG_NOSIGNAL);
            if (n > 0)
                sent += (size_t)n;
            /* The server may close before reading everything (413). */
            if (sent == size || (n < 0 && errno != EAGAIN && errno != EINTR)) {
                shutdown(sv[0], SHUT_WR);
                writing = false;
            }
        }
        if (pfd.revents & (POLLIN | POLLHUP | POLLERR)) {
            n = recv(sv[0], buf, sizeof(buf), 0);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
                break;
            if (n > 0)
                pvs_buf_add(&out, buf, (size_t)n); /* past the cap: dropped */
        }
    }
    close(sv[0]);
    if (http_trace)
        fprintf(stderr, "fuzz http: %zu bytes in, %zu out:\n%.*s\n", size,
                out.len, (int)(out.len < 4096 ? out.len : 4096),
                out.data ? out.data : "");
    http_check(data, size, out.data ? out.data : "", out.len);
    pvs_buf_release(&out);
    if (http_data_version() != http_version)
        http_reset();
    return 0;
}

static void http_cleanup(void) {
    char path[128];
    static const char *const files[] = {
        "pvs.db",      "pvs.db-wal", "pvs.db-shm", "pristine.db",
        "admin.token", "link.key",   "http.conf",
    };

    if (!http_dir[0])
        return;
    if (http_web || http_engine)
        http_down();
    pvs_config_free(http_cfg);
    http_cfg = NULL;
    pvs_clock_set_wall();
    sigaction(SIGHUP, &http_old_hup, NULL);
    sigaction(SIGPIPE, &http_old_pipe, NULL);
    for (size_t i = 0; i < PVS_ARRAY_LEN(files); i++) {
        http_path(path, sizeof(path), files[i]);
        unlink(path);
    }
    rmdir(http_dir);
    http_dir[0] = '\0';
}

void pvs_fuzz_cleanup(void) {
    pvs_mqtt_map_free(mqtt_map);
    pvs_config_free(mqtt_cfg);
    mqtt_map = NULL;
    mqtt_cfg = NULL;
    pvs_free(image);
    image = NULL;
    image_regs = 0;
    http_cleanup();
    if (cfg_dir[0]) {
        char path[96];
        pvs_snprintf(path, sizeof(path), "%s/in.conf", cfg_dir);
        unlink(path);
        rmdir(cfg_dir);
        cfg_dir[0] = '\0';
    }
}
