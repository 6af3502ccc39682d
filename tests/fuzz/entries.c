/* SPDX-License-Identifier: MIT */
/*
 * entries.c - fuzz entry points (see entries.h). Compiled into each
 * libFuzzer target and included by tests/unit/test_fuzz_regress.c.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pvs/config.h"
#include "pvs/log.h"
#include "pvs/msg.h"
#include "pvs/mqtt.h"
#include "pvs/rules.h"
#include "pvs/sunspec.h"
#include "pvs/util.h"

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

static const char mqtt_conf[] = "[site \"s1\"]\nlatitude = 45\nlongitude = 4\n"
                                "[site \"s2\"]\nlatitude = 45\nlongitude = 4\n"
                                "[device \"inv1\"]\nsite = s1\n"
                                "[device \"inv2\"]\nsite = s1\n"
                                "[device \"m1\"]\nsite = s2\nkind = meter\n";

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

void pvs_fuzz_cleanup(void) {
    pvs_mqtt_map_free(mqtt_map);
    pvs_config_free(mqtt_cfg);
    mqtt_map = NULL;
    mqtt_cfg = NULL;
    pvs_free(image);
    image = NULL;
    image_regs = 0;
    if (cfg_dir[0]) {
        char path[96];
        pvs_snprintf(path, sizeof(path), "%s/in.conf", cfg_dir);
        unlink(path);
        rmdir(cfg_dir);
        cfg_dir[0] = '\0';
    }
}
