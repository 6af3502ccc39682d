/* SPDX-License-Identifier: MIT */
/*
 * modbus.c - pvsim's Modbus mode: simulated SunSpec inverters, or register
 * images, served over Modbus TCP (several ports, several unit ids each)
 * and RTU (a serial line or a pty, e.g. one end of a socat pair).
 *
 *     pvsim modbus --listen tcp://127.0.0.1:5020 [--listen ...]
 *                  [--listen 'rtu:///dev/pts/3?baud=19200']
 *                  [--devices N] [--unit-base U]     simulated inverters
 *                  [--image FILE[@UNIT]]...          register images
 *                  [--kwp ... --sim-start ... --speed ... --scenario ...]
 *
 * Simulated inverters follow the same day and fault scenarios as the MQTT
 * mode (tests/sim/model.c), read on the shared simulated clock at each
 * request: common model, inverter model 103, MPPT model 160 with two
 * inputs, end marker. Images are pvsentry's text images
 * (tests/data/sunspec/NAME.regs) or pysunspec "mbmap" XML files; addresses
 * outside an image answer "illegal data address", like a real map's end.
 *
 * Scenarios add, on top of fault/silence/breach, Modbus misbehaviour with
 * the same syntax ("KIND[/DEVICE]@T+DUR", DEVICE a 0-based index):
 *     exception   answer every request with "slave device failure"
 *     timeout     receive but never answer
 *     drop        close the TCP connection on the next request
 *     sfchange    flip W_SF between 0 and -1 (and W with it) per request
 *
 * DESIGN
 * One thread, one select() loop over every listener, client and serial
 * line; requests are answered in arrival order, which is what a single
 * device (or gateway) does. libmodbus filters RTU frames by its own unit
 * id, so RTU frames for the other units are taken from the buffer and
 * answered here after a CRC check.
 */
#define PVS_LOG_MODULE "pvsim"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <modbus.h>

#include "pvs/clock.h"
#include "pvs/config.h"
#include "pvs/log.h"
#include "pvs/modbus_conn.h"
#include "pvs/sunspec.h"
#include "pvsim.h"

#define MAX_LISTEN 16
#define MAX_UNITS 256
#define MAX_CLIENTS 128
#define SIM_BASE 40000

enum mb_scn {
    MB_EXCEPTION,
    MB_TIMEOUT,
    MB_DROP,
    MB_SFCHANGE,
};

struct mb_scenario {
    enum mb_scn kind;
    int device;
    int64_t start_ms, end_ms;
};

struct unit {
    int id;
    int device;           /* simulated device index, or -1 for an image */
    modbus_mapping_t *mb; /* holding registers; input = holding */
    uint8_t *valid;       /* 65536 flags */
    bool sf_flip;
};

struct listener {
    bool rtu;
    modbus_t *ctx;
    int fd; /* listening socket (TCP) or the serial line (RTU) */
};

struct client {
    int fd;
    struct listener *l;
};

struct sim {
    struct pvsim_site site;
    struct listener ls[MAX_LISTEN];
    size_t nls;
    struct unit *units[MAX_UNITS];
    struct client clients[MAX_CLIENTS];
    size_t nclients;
    struct mb_scenario mscn[PVSIM_MAX_SCENARIOS];
    size_t nmscn;
    uint64_t requests;
};

/* ---- images ---- */

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0) {
        buf = pvs_malloc((size_t)n + 1);
        if (fread(buf, 1, (size_t)n, f) != (size_t)n)
            n = 0;
        buf[n] = '\0';
    }
    fclose(f);
    return buf;
}

/* The value of attribute name in the tag text [p, end), or "". */
static void xml_attr(const char *p, const char *end, const char *name,
                     char *out, size_t size) {
    char pat[32];
    const char *a;

    out[0] = '\0';
    pvs_snprintf(pat, sizeof(pat), " %s=\"", name);
    a = strstr(p, pat);
    if (a && a < end) {
        const char *v = a + strlen(pat), *q = strchr(v, '"');
        if (q && q < end && (size_t)(q - v) < size) {
            memcpy(out, v, (size_t)(q - v));
            out[q - v] = '\0';
        }
    }
}

static void put(struct pvs_ss_image *img, uint32_t *addr, uint16_t v) {
    if (*addr <= 0xffff) {
        img->regs[*addr] = v;
        img->valid[*addr] = 1;
    }
    (*addr)++;
}

/* pysunspec "mbmap" XML: <mbmap addr=".."><regs type= len= offset=>.. */
static enum pvs_err parse_mbmap(const char *text, struct pvs_ss_image *img) {
    const char *p = strstr(text, "<mbmap");
    char attr[64];
    int64_t base = 40000, v;
    uint32_t addr;

    if (!p)
        return PVS_ERR_INVAL;
    xml_attr(p, strchr(p, '>'), "addr", attr, sizeof(attr));
    if (attr[0] && pvs_parse_i64(attr, &base))
        return PVS_ERR_INVAL;
    addr = (uint32_t)base;
    while ((p = strstr(p, "<regs"))) {
        const char *tag_end = strchr(p, '>'), *close;
        char type[16], len_s[16], off_s[16], val[4096];
        int64_t len = 0, off;
        size_t vl;

        if (!tag_end || !(close = strstr(tag_end, "</regs>")))
            return PVS_ERR_INVAL;
        xml_attr(p, tag_end, "type", type, sizeof(type));
        xml_attr(p, tag_end, "len", len_s, sizeof(len_s));
        xml_attr(p, tag_end, "offset", off_s, sizeof(off_s));
        if (len_s[0] && pvs_parse_i64(len_s, &len))
            return PVS_ERR_INVAL;
        if (off_s[0]) {
            if (pvs_parse_i64(off_s, &off))
                return PVS_ERR_INVAL;
            addr = (uint32_t)(base + off);
        }
        vl = (size_t)(close - tag_end - 1);
        if (vl >= sizeof(val))
            return PVS_ERR_INVAL;
        memcpy(val, tag_end + 1, vl);
        val[vl] = '\0';
        if (!strcmp(type, "string")) {
            for (int64_t i = 0; i < len; i++) {
                size_t a = (size_t)i * 2, b = a + 1;
                put(img, &addr,
                    (uint16_t)(((a < vl ? (unsigned char)val[a] : 0) << 8) |
                               (b < vl ? (unsigned char)val[b] : 0)));
            }
        } else if (!type[0]) {
            /* one hex blob, four digits per register */
            char hex[5] = {0};
            size_t k = 0;
            for (const char *h = val; *h; h++) {
                if (*h == ' ' || *h == '\n' || *h == '\t' || *h == '\r')
                    continue;
                hex[k++] = *h;
                if (k == 4) {
                    put(img, &addr, (uint16_t)strtoul(hex, NULL, 16));
                    k = 0;
                }
            }
        } else {
            unsigned words = !strcmp(type, "u32") || !strcmp(type, "s32") ||
                                     !strcmp(type, "f32")
                                 ? 2
                             : !strcmp(type, "s64") || !strcmp(type, "u64") ? 4
                                                                            : 1;
            uint64_t u;
            if (!strcmp(type, "f32")) {
                float f = strtof(val, NULL);
                uint32_t w;
                memcpy(&w, &f, sizeof(w));
                u = w;
            } else if (!strncmp(val, "0x", 2)) {
                u = strtoull(val + 2, NULL, 16);
            } else {
                if (pvs_parse_i64(val, &v))
                    return PVS_ERR_INVAL;
                u = (uint64_t)v;
            }
            for (unsigned k = words; k-- > 0;)
                put(img, &addr, (uint16_t)(u >> (16 * k)));
        }
        p = close;
    }
    return PVS_OK;
}

static enum pvs_err load_image(const char *path, struct unit *u) {
    struct pvs_ss_image *img = pvs_calloc(1, sizeof(*img));
    enum pvs_err rc = PVS_ERR_INVAL;
    char *text = slurp(path);
    char msg[128] = "";
    size_t len = strlen(path);

    if (!text) {
        fprintf(stderr, "pvsim: cannot read '%s'\n", path);
        goto out;
    }
    if (len > 4 && !strcmp(path + len - 4, ".xml"))
        rc = parse_mbmap(text, img);
    else
        rc = pvs_sunspec_image_parse(text, img, msg, sizeof(msg));
    if (rc) {
        fprintf(stderr, "pvsim: bad image '%s' %s\n", path, msg);
        goto out;
    }
    memcpy(u->mb->tab_registers, img->regs, sizeof(img->regs));
    memcpy(u->valid, img->valid, sizeof(img->valid));
out:
    pvs_free(text);
    pvs_free(img);
    return rc;
}

/* ---- simulated inverters ---- */

static bool mb_active(const struct sim *s, int device, enum mb_scn kind,
                      int64_t now) {
    for (size_t i = 0; i < s->nmscn; i++) {
        const struct mb_scenario *c = &s->mscn[i];
        if (c->kind == kind && (c->device < 0 || c->device == device) &&
            now >= c->start_ms && now < c->end_ms)
            return true;
    }
    return false;
}

static void put_str(uint16_t *r, unsigned n, const char *s) {
    size_t len = strlen(s);

    for (unsigned i = 0; i < n; i++) {
        size_t a = 2 * i, b = a + 1;
        r[i] = (uint16_t)(((a < len ? (unsigned char)s[a] : 0) << 8) |
                          (b < len ? (unsigned char)s[b] : 0));
    }
}

static uint16_t i16(double v) {
    if (!isfinite(v))
        return 0x8000;
    if (v > 32767)
        v = 32767;
    if (v < -32767)
        v = -32767;
    return (uint16_t)(int16_t)lround(v);
}

static uint16_t u16(double v) {
    if (!isfinite(v) || v < 0)
        return 0xffff;
    return v > 65534 ? 65534 : (uint16_t)lround(v);
}

/* Lay out the chain once: common at 40002, 103 at 40070, 160 (two
 * inputs) at 40122, end at 40172. */
static void sim_layout(struct unit *u) {
    uint16_t *r = u->mb->tab_registers + SIM_BASE;
    char sn[32];

    r[0] = 0x5375;
    r[1] = 0x6e53;
    r[2] = 1;
    r[3] = 66;
    put_str(r + 4, 16, "pvsim");
    put_str(r + 20, 16, "pvsim-inverter");
    put_str(r + 36, 8, "");
    put_str(r + 44, 8, "1.0");
    pvs_snprintf(sn, sizeof(sn), "PVSIM-%04d", u->id);
    put_str(r + 52, 16, sn);
    r[68] = (uint16_t)u->id;
    r[69] = 0x8000;
    r[70] = 103;
    r[71] = 50;
    r[122] = 160;
    r[123] = 48;
    r[172] = 0xffff;
    r[173] = 0;
    for (uint32_t a = SIM_BASE; a < SIM_BASE + 174; a++)
        u->valid[a] = 1;
}

static void sim_update(struct sim *s, struct unit *u, int64_t now) {
    uint16_t *r = u->mb->tab_registers + SIM_BASE + 72;  /* 103 body */
    uint16_t *m = u->mb->tab_registers + SIM_BASE + 124; /* 160 body */
    struct pvsim_reading rd;
    double va;
    int w_sf = 0;
    uint32_t wh;

    pvsim_model_eval(&s->site, (size_t)u->device, now, &rd);
    if (mb_active(s, u->device, MB_SFCHANGE, now)) {
        u->sf_flip = !u->sf_flip;
        w_sf = u->sf_flip ? -1 : 0;
    }
    r[0] = u16(rd.ac_current_a * 100);
    r[1] = r[2] = r[3] = u16(rd.ac_current_a * 100 / 3);
    r[4] = (uint16_t)-2;
    r[5] = r[6] = r[7] = 0xffff;
    r[8] = r[9] = r[10] = u16(rd.ac_voltage_v * 10);
    r[11] = (uint16_t)-1;
    r[12] = i16(rd.ac_power_w * (w_sf ? 10 : 1));
    r[13] = (uint16_t)(int16_t)w_sf;
    r[14] = u16(rd.ac_frequency_hz * 100);
    r[15] = (uint16_t)-2;
    va = fabs(rd.power_factor) > 0.01 ? rd.ac_power_w / fabs(rd.power_factor)
                                      : rd.ac_power_w;
    r[16] = i16(va);
    r[17] = 0;
    r[18] = 0x8000;
    r[19] = 0x8000;
    r[20] = i16(rd.power_factor * 1000);
    r[21] = (uint16_t)-3;
    wh = rd.ac_energy_wh >= 1 ? (uint32_t)fmin(rd.ac_energy_wh, 4e9) : 1;
    r[22] = (uint16_t)(wh >> 16);
    r[23] = (uint16_t)wh;
    r[24] = 0;
    r[25] = u16(rd.dc_current_a * 100);
    r[26] = (uint16_t)-2;
    r[27] = u16(rd.dc_voltage_v * 10);
    r[28] = (uint16_t)-1;
    r[29] = i16(rd.dc_power_w);
    r[30] = 0;
    r[31] = i16(rd.temp_cabinet_c * 10);
    r[32] = i16(rd.temp_heatsink_c * 10);
    r[33] = r[34] = 0x8000;
    r[35] = (uint16_t)-1;
    r[36] = (uint16_t)rd.state;
    r[37] = 0xffff;
    r[38] = (uint16_t)((uint32_t)rd.event_bits >> 16);
    r[39] = (uint16_t)(uint32_t)rd.event_bits;
    for (int i = 40; i < 50; i++)
        r[i] = i < 42 ? 0 : 0xffff;
    /* 160: SFs, Evt, N = 2, TmsPer; then two modules of 20 */
    m[0] = (uint16_t)-2;
    m[1] = (uint16_t)-1;
    m[2] = 0;
    m[3] = 0;
    m[4] = m[5] = 0;
    m[6] = 2;
    m[7] = 0xffff;
    for (int k = 0; k < 2; k++) {
        uint16_t *mod = m + 8 + 20 * k;
        char id[8];
        mod[0] = (uint16_t)(k + 1);
        pvs_snprintf(id, sizeof(id), "MPPT%d", k + 1);
        put_str(mod + 1, 8, id);
        mod[9] = u16(rd.dc_current_a * 100 / 2);
        mod[10] = u16(rd.dc_voltage_v * 10);
        mod[11] = u16(rd.dc_power_w / 2);
        mod[12] = mod[13] = 0;
        mod[14] = mod[15] = 0;
        mod[16] = 0x8000;
        mod[17] = 4;
        mod[18] = mod[19] = 0;
    }
}

/* ---- serving ---- */

static struct unit *unit_new(int id) {
    struct unit *u = pvs_calloc(1, sizeof(*u));

    u->id = id;
    u->device = -1;
    u->mb = modbus_mapping_new(0, 0, 65536, 0);
    PVS_ASSERT(u->mb);
    /* Input registers read the same table as holding registers. */
    u->mb->tab_input_registers = u->mb->tab_registers;
    u->mb->nb_input_registers = 65536;
    u->valid = pvs_calloc(65536, 1);
    return u;
}

static void unit_free(struct unit *u) {
    if (!u)
        return;
    u->mb->tab_input_registers = NULL;
    u->mb->nb_input_registers = 0;
    modbus_mapping_free(u->mb);
    pvs_free(u->valid);
    pvs_free(u);
}

static uint16_t crc16(const uint8_t *p, size_t n) {
    uint16_t crc = 0xffff;

    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int b = 0; b < 8; b++)
            crc = (crc & 1) ? (uint16_t)((crc >> 1) ^ 0xa001)
                            : (uint16_t)(crc >> 1);
    }
    return crc;
}

/* Returns false when the connection should be dropped. */
static bool handle(struct sim *s, struct listener *l, uint8_t *q, int len) {
    int hl = modbus_get_header_length(l->ctx);
    int unit_id = q[hl - 1], fc = q[hl];
    struct unit *u = unit_id < MAX_UNITS ? s->units[unit_id] : NULL;
    int64_t now = pvs_clock_now_ms();
    struct pvsim_reading rd;

    s->requests++;
    if (!u) {
        if (!l->rtu)
            modbus_reply_exception(l->ctx, q, MODBUS_EXCEPTION_GATEWAY_TARGET);
        return true;
    }
    if (u->device >= 0) {
        pvsim_model_eval(&s->site, (size_t)u->device, now, &rd);
        if (rd.silent)
            return true;
    }
    if (mb_active(s, u->device, MB_TIMEOUT, now))
        return true;
    if (mb_active(s, u->device, MB_DROP, now))
        return l->rtu;
    if (mb_active(s, u->device, MB_EXCEPTION, now)) {
        modbus_reply_exception(l->ctx, q,
                               MODBUS_EXCEPTION_SLAVE_OR_SERVER_FAILURE);
        return true;
    }
    if (fc != MODBUS_FC_READ_HOLDING_REGISTERS &&
        fc != MODBUS_FC_READ_INPUT_REGISTERS) {
        /* A read-only device. */
        modbus_reply_exception(l->ctx, q, MODBUS_EXCEPTION_ILLEGAL_FUNCTION);
        return true;
    }
    {
        unsigned addr = (unsigned)(q[hl + 1] << 8 | q[hl + 2]);
        unsigned n = (unsigned)(q[hl + 3] << 8 | q[hl + 4]);
        bool ok = n >= 1 && n <= 125 && addr + n <= 65536;
        for (unsigned i = 0; ok && i < n; i++)
            ok = u->valid[addr + i];
        if (!ok) {
            modbus_reply_exception(l->ctx, q,
                                   MODBUS_EXCEPTION_ILLEGAL_DATA_ADDRESS);
            return true;
        }
    }
    if (u->device >= 0)
        sim_update(s, u, now);
    modbus_reply(l->ctx, q, len, u->mb);
    return true;
}

/*
 * Read requests are 8-byte frames (unit, fc, address, count, crc). They are
 * read here rather than by modbus_receive, which only accepts frames for
 * its own unit id and, for the others, waits out a byte timeout per frame.
 */
static void serve_rtu(struct sim *s, struct listener *l) {
    uint8_t q[MODBUS_RTU_MAX_ADU_LENGTH];
    size_t got = 0;

    while (got < 8) {
        fd_set rd;
        struct timeval tv = {0, got ? 50000 : 0};
        ssize_t n;
        FD_ZERO(&rd);
        FD_SET(l->fd, &rd);
        if (got && select(l->fd + 1, &rd, NULL, NULL, &tv) <= 0)
            break;
        n = read(l->fd, q + got, 8 - got);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    if (got == 8) {
        uint16_t crc = crc16(q, 6);
        if (q[6] == (crc & 0xff) && q[7] == (crc >> 8)) {
            handle(s, l, q, 8);
            return;
        }
    }
    /* A partial or foreign frame: start again from a clean line. */
    modbus_flush(l->ctx);
}

static void drop_client(struct sim *s, size_t i) {
    close(s->clients[i].fd);
    s->clients[i] = s->clients[--s->nclients];
}

/*
 * pvsim's main blocks TERM and INT in every thread; they arrive here as a
 * readable signalfd, which ends the loop (no code in signal context).
 */
static void serve_loop(struct sim *s) {
    sigset_t stop;
    int sfd;

    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    sfd = signalfd(-1, &stop, SFD_CLOEXEC);
    for (;;) {
        fd_set rd;
        int maxfd = sfd;

        FD_ZERO(&rd);
        if (sfd >= 0)
            FD_SET(sfd, &rd);
        for (size_t i = 0; i < s->nls; i++) {
            FD_SET(s->ls[i].fd, &rd);
            if (s->ls[i].fd > maxfd)
                maxfd = s->ls[i].fd;
        }
        for (size_t i = 0; i < s->nclients; i++) {
            FD_SET(s->clients[i].fd, &rd);
            if (s->clients[i].fd > maxfd)
                maxfd = s->clients[i].fd;
        }
        if (select(maxfd + 1, &rd, NULL, NULL, NULL) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (sfd >= 0 && FD_ISSET(sfd, &rd)) {
            pvs_info("modbus: stopping after %llu requests",
                     (unsigned long long)s->requests);
            break;
        }
        for (size_t i = 0; i < s->nls; i++) {
            struct listener *l = &s->ls[i];
            if (!FD_ISSET(l->fd, &rd))
                continue;
            if (l->rtu) {
                serve_rtu(s, l);
            } else {
                int fd = l->fd;
                int c = modbus_tcp_accept(l->ctx, &fd);
                if (c < 0)
                    continue;
                if (s->nclients == MAX_CLIENTS) {
                    close(c);
                    continue;
                }
                s->clients[s->nclients++] = (struct client){c, l};
            }
        }
        for (size_t i = 0; i < s->nclients;) {
            struct client *c = &s->clients[i];
            uint8_t q[MODBUS_TCP_MAX_ADU_LENGTH];
            int rc;
            if (!FD_ISSET(c->fd, &rd)) {
                i++;
                continue;
            }
            FD_CLR(c->fd, &rd);
            modbus_set_socket(c->l->ctx, c->fd);
            rc = modbus_receive(c->l->ctx, q);
            if (rc == -1 || (rc > 0 && !handle(s, c->l, q, rc))) {
                drop_client(s, i);
                continue;
            }
            i++;
        }
    }
    if (sfd >= 0)
        close(sfd);
}

static enum pvs_err add_listener(struct sim *s, const char *spec) {
    struct pvs_modbus_url url;
    struct listener *l;
    char msg[256], port[16];

    if (s->nls == MAX_LISTEN)
        return PVS_ERR_FULL;
    if (pvs_modbus_url_parse(spec, &url, msg, sizeof(msg))) {
        fprintf(stderr, "pvsim: --listen: %s\n", msg);
        return PVS_ERR_INVAL;
    }
    l = &s->ls[s->nls];
    l->rtu = url.rtu;
    if (url.rtu) {
        l->ctx = modbus_new_rtu(url.device, url.baud, url.parity, url.data_bits,
                                url.stop_bits);
        if (!l->ctx || modbus_connect(l->ctx) == -1)
            goto fail;
        modbus_set_slave(l->ctx, url.unit);
        l->fd = modbus_get_socket(l->ctx);
    } else {
        pvs_snprintf(port, sizeof(port), "%d", url.port);
        l->ctx = modbus_new_tcp_pi(url.host, port);
        if (!l->ctx)
            goto fail;
        l->fd = modbus_tcp_pi_listen(l->ctx, 16);
        if (l->fd < 0)
            goto fail;
    }
    s->nls++;
    return PVS_OK;
fail : {
    char err[128];
    fprintf(stderr, "pvsim: cannot listen on '%s': %s\n", spec,
            pvs_modbus_strerror(errno, err, sizeof(err)));
    return PVS_ERR_IO;
}
}

static enum pvs_err add_scenario(struct sim *s, const char *spec,
                                 const char *const *ids, size_t ndev) {
    static const char *const kinds[] = {"exception", "timeout", "drop",
                                        "sfchange"};
    struct pvsim_scenario scn;
    char msg[256], buf[512];
    int64_t start = pvs_clock_now_ms();

    for (size_t k = 0; k < PVS_ARRAY_LEN(kinds); k++) {
        size_t kl = strlen(kinds[k]);
        if (strncmp(spec, kinds[k], kl) || (spec[kl] != '@' && spec[kl] != '/'))
            continue;
        /* Same time syntax as a silence: let the model parse it. */
        pvs_snprintf(buf, sizeof(buf), "silence%s", spec + kl);
        if (pvsim_scenario_parse(buf, start, ids, ndev, &scn, msg,
                                 sizeof(msg))) {
            fprintf(stderr, "pvsim: bad scenario '%s': %s\n", spec, msg);
            return PVS_ERR_INVAL;
        }
        if (s->nmscn == PVSIM_MAX_SCENARIOS)
            return PVS_ERR_FULL;
        s->mscn[s->nmscn++] = (struct mb_scenario){(enum mb_scn)k, scn.device,
                                                   scn.start_ms, scn.end_ms};
        return PVS_OK;
    }
    if (pvsim_scenario_parse(spec, start, ids, ndev, &scn, msg, sizeof(msg))) {
        fprintf(stderr, "pvsim: bad scenario '%s': %s\n", spec, msg);
        return PVS_ERR_INVAL;
    }
    return pvsim_site_add_scenario(&s->site, &scn);
}

static void usage(FILE *out) {
    fprintf(out,
            "usage: pvsim modbus --listen URL [--listen URL]...\n"
            "  --listen URL        tcp://HOST:PORT or "
            "rtu:///dev/TTY?baud=N&parity=N\n"
            "  --devices N         simulated inverters (default 1 unless "
            "--image)\n"
            "  --unit-base U       first unit id of the simulated inverters "
            "(default 1)\n"
            "  --image FILE[@UNIT] serve a register image (.regs or mbmap "
            ".xml) at UNIT\n"
            "  --image FILE@A-B    the same image at unit ids A to B\n"
            "  --kwp --lat --lon --tilt --azimuth --cloud --seed  the site\n"
            "  --sim-start TIME --speed X   simulated clock (real origin "
            "from PVS_SIM_ORIGIN_MS)\n"
            "  --scenario SPEC     fault/silence/breach as in MQTT mode, "
            "plus\n"
            "                      exception, timeout, drop, sfchange "
            "(KIND[/DEV]@T+DUR)\n"
            "                      DEV: 0-based index or u<unit id>\n");
}

enum {
    O_LISTEN = 1,
    O_DEVICES,
    O_UNIT_BASE,
    O_IMAGE,
    O_SITE, /* kwp, lat, lon, tilt, azimuth, cloud, seed */
    O_SIM_START,
    O_SPEED,
    O_SCENARIO,
    O_LOG_LEVEL,
    O_HELP,
};

static bool num(const char *opt, const char *s, double lo, double hi,
                double *out) {
    if (pvs_parse_double(s, out) || *out < lo || *out > hi) {
        fprintf(stderr, "pvsim: bad value '%s' for --%s\n", s, opt);
        return false;
    }
    return true;
}

/* What the command line names beyond the site. */
struct mb_args {
    const char *listen[MAX_LISTEN], *images[MAX_UNITS], *scns[64];
    size_t nlisten, nimages, nscns;
    double devices, unit_base, speed;
    int64_t start_ms;
    bool start_given;
};

static const struct option opts[] = {
    {"listen", required_argument, NULL, O_LISTEN},
    {"devices", required_argument, NULL, O_DEVICES},
    {"unit-base", required_argument, NULL, O_UNIT_BASE},
    {"image", required_argument, NULL, O_IMAGE},
    {"kwp", required_argument, NULL, O_SITE},
    {"lat", required_argument, NULL, O_SITE},
    {"lon", required_argument, NULL, O_SITE},
    {"tilt", required_argument, NULL, O_SITE},
    {"azimuth", required_argument, NULL, O_SITE},
    {"cloud", required_argument, NULL, O_SITE},
    {"seed", required_argument, NULL, O_SITE},
    {"sim-start", required_argument, NULL, O_SIM_START},
    {"speed", required_argument, NULL, O_SPEED},
    {"scenario", required_argument, NULL, O_SCENARIO},
    {"log-level", required_argument, NULL, O_LOG_LEVEL},
    {"help", no_argument, NULL, O_HELP},
    {NULL, 0, NULL, 0},
};

/* Option c (opts[idx]) with its argument into s and a; false if bad. */
static bool set_option(struct sim *s, struct mb_args *a, int c, int idx) {
    bool ok = true;

    switch (c) {
    case O_LISTEN:
        ok = a->nlisten < MAX_LISTEN;
        if (ok)
            a->listen[a->nlisten++] = optarg;
        break;
    case O_DEVICES:
        ok = num("devices", optarg, 0, PVSIM_MAX_DEVICES, &a->devices);
        break;
    case O_UNIT_BASE:
        ok = num("unit-base", optarg, 1, 247, &a->unit_base);
        break;
    case O_IMAGE:
        ok = a->nimages < MAX_UNITS;
        if (ok)
            a->images[a->nimages++] = optarg;
        break;
    case O_SITE:
        ok = pvsim_site_option(&s->site, opts[idx].name, optarg) == 0;
        break;
    case O_SIM_START:
        ok = !pvs_clock_parse_time(optarg, &a->start_ms);
        if (!ok)
            fprintf(stderr, "pvsim: bad time '%s'\n", optarg);
        a->start_given = true;
        break;
    case O_SPEED:
        ok = num("speed", optarg, 0.001, 1e6, &a->speed);
        break;
    case O_SCENARIO:
        ok = a->nscns < PVS_ARRAY_LEN(a->scns);
        if (ok)
            a->scns[a->nscns++] = optarg;
        break;
    case O_LOG_LEVEL:
        ok = pvs_log_level_parse(optarg) >= 0;
        if (ok)
            pvs_log_set_level((enum pvs_log_level)pvs_log_level_parse(optarg));
        break;
    default:
        ok = false;
    }
    return ok;
}

/* The command line; returns -1 to go on, or the exit status. */
static int parse_args(struct sim *s, struct mb_args *a, int argc, char **argv) {
    int c, idx = 0;

    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, &idx)) != -1) {
        if (c == O_HELP) {
            usage(stdout);
            return 0;
        }
        if (!set_option(s, a, c, idx)) {
            usage(stderr);
            return 1;
        }
    }
    if (!a->nlisten) {
        usage(stderr);
        return 1;
    }
    return -1;
}

/* The simulated clock; scenario times are relative to its start. */
static void start_clock(struct sim *s, struct mb_args *a) {
    const char *env = getenv("PVS_SIM_ORIGIN_MS");
    int64_t origin = 0;

    if (env && *env && pvs_parse_i64(env, &origin))
        origin = 0;
    if (!a->start_given) {
        pvs_clock_set_wall();
        a->start_ms = pvs_clock_now_ms();
    }
    pvs_clock_set_sim(a->start_ms, a->speed, origin);
    /* Energy counters start at midnight of the first day, as in MQTT
     * mode, so both modes report the same counter. */
    s->site.counter_origin_ms = a->start_ms - a->start_ms % 86400000;
}

/* The simulated inverters and their scenarios; -1 after saying why. */
static int add_devices(struct sim *s, struct mb_args *a) {
    char ids[PVSIM_MAX_DEVICES][16];
    const char *idp[PVSIM_MAX_DEVICES];
    int n, base = (int)a->unit_base;

    if (a->devices < 0)
        a->devices = a->nimages ? 0 : 1;
    n = (int)a->devices;
    s->site.ndevices = (size_t)a->devices ? (size_t)a->devices : 1;
    /* Scenarios name a device by 0-based index or as "u<unit id>". */
    for (int i = 0; i < n; i++)
        pvs_snprintf(ids[i], sizeof(ids[i]), "u%d", base + i);
    for (int i = 0; i < n; i++)
        idp[i] = ids[i];
    for (size_t i = 0; i < a->nscns; i++)
        if (add_scenario(s, a->scns[i], idp, (size_t)a->devices))
            return -1;
    for (int i = 0; i < n; i++) {
        int id = base + i;
        if (id >= MAX_UNITS || s->units[id]) {
            fprintf(stderr, "pvsim: unit %d out of range or used twice\n", id);
            return -1;
        }
        s->units[id] = unit_new(id);
        s->units[id]->device = i;
        sim_layout(s->units[id]);
    }
    return 0;
}

/*
 * One --image FILE[@UNIT] or FILE@FIRST-LAST: the image is loaded once and
 * shared by its unit ids. -1 after saying why.
 */
static int add_image(struct sim *s, const char *spec) {
    char path[1024], range[32];
    const char *at = strrchr(spec, '@');
    const char *dash;
    int64_t first = 1, last = 1;

    pvs_strlcpy(path, spec, sizeof(path));
    if (at) {
        path[at - spec] = '\0';
        pvs_strlcpy(range, at + 1, sizeof(range));
        dash = strchr(range, '-');
        if (dash)
            range[dash - range] = '\0';
        if (pvs_parse_i64(range, &first) ||
            (dash && pvs_parse_i64(dash + 1, &last)))
            first = -1;
        if (!dash)
            last = first;
    }
    if (first < 0 || last < first || last >= MAX_UNITS) {
        fprintf(stderr, "pvsim: bad unit in '%s'\n", spec);
        return -1;
    }
    for (int64_t id = first; id <= last; id++)
        if (s->units[id]) {
            fprintf(stderr, "pvsim: unit %lld used twice\n", (long long)id);
            return -1;
        }
    s->units[first] = unit_new((int)first);
    if (load_image(path, s->units[first]))
        return -1;
    for (int64_t id = first + 1; id <= last; id++)
        s->units[id] = s->units[first];
    return 0;
}

static void sim_free(struct sim *s) {
    for (size_t i = 0; i < s->nls; i++) {
        modbus_close(s->ls[i].ctx);
        modbus_free(s->ls[i].ctx);
    }
    for (size_t i = 0; i < s->nclients; i++)
        close(s->clients[i].fd);
    for (size_t i = 0; i < MAX_UNITS; i++)
        if (s->units[i] && s->units[i]->id == (int)i)
            unit_free(s->units[i]); /* shared images: freed once */
    pvs_free(s);
}

int pvsim_modbus_main(int argc, char **argv) {
    struct sim *s = pvs_calloc(1, sizeof(*s));
    struct mb_args a = {.devices = -1, .unit_base = 1, .speed = 1};
    int status;

    pvsim_site_init(&s->site);
    status = parse_args(s, &a, argc, argv);
    if (status >= 0)
        goto out;
    status = 1;
    start_clock(s, &a);
    if (add_devices(s, &a))
        goto out;
    for (size_t i = 0; i < a.nimages; i++)
        if (add_image(s, a.images[i]))
            goto out;
    for (size_t i = 0; i < a.nlisten; i++)
        if (add_listener(s, a.listen[i]))
            goto out;
    pvs_info("modbus: serving %zu listener%s", s->nls, s->nls == 1 ? "" : "s");
    serve_loop(s);
    status = 0;
out:
    sim_free(s);
    return status;
}

#ifdef PVSIM_MODBUS_MAIN
int main(int argc, char **argv) {
    return pvsim_modbus_main(argc - 1, argv + 1);
}
#endif
