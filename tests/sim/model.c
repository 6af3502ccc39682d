/* SPDX-License-Identifier: MIT */
/*
 * model.c - the simulated PV site: production curve, counters, scenarios.
 *
 * DESIGN
 * Power is a clear-sky shape, not a physics-grade model: direct normal
 * irradiance from the air mass (Meinel), a fixed diffuse share, the angle
 * of incidence on the tilted array, a temperature derating and the
 * inverter's efficiency, clipped at the AC rating (= the device's kWp).
 * The sun's position comes from the low-precision almanac formulas (about
 * 0.01 degree), computed here rather than borrowed from rules/sun.c so that
 * the simulator never shares a bug with the rules it is testing.
 *
 * The energy counter is the integral of the produced power (faults
 * included, threshold breaches excluded) on a fixed one-minute grid from
 * counter_origin_ms, so it is a pure function of the instant. The cache only
 * saves work when instants arrive in order, as they do in both modes.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "pvs/clock.h"
#include "pvs/config.h"
#include "pvsim.h"

#define DEG (M_PI / 180.0)
#define STEP_MS 60000 /* energy integration grid */
#define CLOUD_CELL_MS (10 * 60000)
#define BASE_ENERGY_WH 5.0e6 /* lifetime counter of device 0 at the origin */

void pvsim_site_init(struct pvsim_site *site) {
    memset(site, 0, sizeof(*site));
    site->kwp = 10;
    site->lat = 45.76;
    site->lon = 4.84;
    site->tilt = 30;
    site->azimuth = 180;
    site->ndevices = 1;
    site->seed = 1;
    for (size_t i = 0; i < PVSIM_MAX_DEVICES; i++)
        site->cache_[i].ts_ms = INT64_MIN;
}

int pvsim_site_option(struct pvsim_site *site, const char *name,
                      const char *value) {
    const struct {
        const char *name;
        double lo, hi;
        double *out; /* NULL: the seed */
    } opts[] = {
        {"kwp", 0, 1e6, &site->kwp},
        {"lat", -90, 90, &site->lat},
        {"lon", -180, 180, &site->lon},
        {"tilt", 0, 90, &site->tilt},
        {"azimuth", 0, 360, &site->azimuth},
        {"cloud", 0, 1, &site->cloud},
        {"seed", 0, 9e15, NULL},
    };
    double v;

    for (size_t i = 0; i < PVS_ARRAY_LEN(opts); i++) {
        if (strcmp(name, opts[i].name))
            continue;
        if (pvs_parse_double(value, &v) ||
            !(v >= opts[i].lo && v <= opts[i].hi)) {
            fprintf(stderr, "pvsim: bad value '%s' for --%s (%g..%g)\n", value,
                    name, opts[i].lo, opts[i].hi);
            return -1;
        }
        if (opts[i].out)
            *opts[i].out = v;
        else
            site->seed = (uint64_t)v;
        return 0;
    }
    return 1;
}

/* Days since J2000.0 (2000-01-01T12:00:00Z). */
static double j2000_days(int64_t ts_ms) {
    return (double)ts_ms / 86400000.0 - 10957.5;
}

static void sun_position(double lat, double lon, int64_t ts_ms,
                         double *ret_elev, double *ret_az) {
    double d = j2000_days(ts_ms);
    double g = fmod(357.529 + 0.98560028 * d, 360.0) * DEG;
    double q = fmod(280.459 + 0.98564736 * d, 360.0);
    double l = (q + 1.915 * sin(g) + 0.020 * sin(2 * g)) * DEG;
    double e = (23.439 - 0.00000036 * d) * DEG;
    double ra = atan2(cos(e) * sin(l), cos(l));
    double dec = asin(sin(e) * sin(l));
    double gmst = fmod(18.697374558 + 24.06570982441908 * d, 24.0);
    double ha = (gmst * 15.0 + lon) * DEG - ra;
    double phi = lat * DEG;
    double sin_el = sin(phi) * sin(dec) + cos(phi) * cos(dec) * cos(ha);
    double el = asin(sin_el);
    double az = atan2(-sin(ha), tan(dec) * cos(phi) - sin(phi) * cos(ha));

    *ret_elev = el / DEG;
    az = az / DEG;
    if (az < 0)
        az += 360.0;
    *ret_az = az;
}

double pvsim_model_sun_elevation(double lat, double lon, int64_t ts_ms) {
    double el, az;

    sun_position(lat, lon, ts_ms, &el, &az);
    return el;
}

/* SplitMix64: a well-mixed hash of (seed, cell) for the cloud noise. */
static uint64_t mix64(uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static double cell_noise(uint64_t seed, int64_t cell) {
    return (double)(mix64(seed ^ mix64((uint64_t)cell)) >> 11) /
           9007199254740992.0;
}

/* Smooth value noise in [0, 1): cells of ten minutes, cosine-blended. */
static double cloud_noise(uint64_t seed, int64_t ts_ms) {
    int64_t cell = ts_ms / CLOUD_CELL_MS;
    double f = (double)(ts_ms - cell * CLOUD_CELL_MS) / CLOUD_CELL_MS;
    double a = cell_noise(seed, cell), b = cell_noise(seed, cell + 1);
    double w = (1 - cos(f * M_PI)) / 2;

    return a + (b - a) * w;
}

static double plane_irradiance(const struct pvsim_site *s, int64_t ts_ms) {
    double el, az, am, dni, cos_aoi, poa;

    sun_position(s->lat, s->lon, ts_ms, &el, &az);
    if (el <= 0)
        return 0;
    /* Kasten-Young air mass, Meinel direct normal irradiance. */
    am = 1.0 / (sin(el * DEG) + 0.50572 * pow(el + 6.07995, -1.6364));
    dni = 1353.0 * pow(0.7, pow(am, 0.678));
    cos_aoi = sin(el * DEG) * cos(s->tilt * DEG) +
              cos(el * DEG) * sin(s->tilt * DEG) * cos((az - s->azimuth) * DEG);
    poa = dni * (cos_aoi > 0 ? cos_aoi : 0) +
          0.1 * dni * (1 + cos(s->tilt * DEG)) / 2;
    if (s->cloud > 0)
        poa *= 1.0 - s->cloud * 0.8 * cloud_noise(s->seed, ts_ms);
    return poa;
}

static double ambient_c(int64_t ts_ms, double poa) {
    /* Cool at night, warmer in the sun. */
    (void)ts_ms;
    return 12.0 + 0.012 * poa;
}

static double device_kwp(const struct pvsim_site *s, size_t device) {
    double share = s->kwp / (double)(s->ndevices ? s->ndevices : 1);

    /* Siblings differ slightly, as real strings do. */
    return share * (1.0 - 0.005 * (double)(device % 4));
}

static const struct pvsim_scenario *active(const struct pvsim_site *s,
                                           size_t device, int64_t ts_ms,
                                           enum pvsim_scn_kind kind,
                                           size_t *iter) {
    for (size_t i = *iter; i < s->nscn; i++) {
        const struct pvsim_scenario *c = &s->scn[i];

        if (c->kind != kind || ts_ms < c->start_ms || ts_ms >= c->end_ms)
            continue;
        if (c->device >= 0 && (size_t)c->device != device)
            continue;
        *iter = i + 1;
        return c;
    }
    *iter = s->nscn;
    return NULL;
}

static bool in_fault(const struct pvsim_site *s, size_t device, int64_t ts_ms) {
    size_t it = 0;

    return active(s, device, ts_ms, PVSIM_SCN_FAULT, &it) != NULL;
}

/* AC power actually produced (faults included, breaches not). */
static double produced_w(const struct pvsim_site *s, size_t device,
                         int64_t ts_ms, double poa) {
    double kwp = device_kwp(s, device), cell_c, dc, ac;

    if (poa <= 0 || in_fault(s, device, ts_ms))
        return 0;
    cell_c = ambient_c(ts_ms, poa) + poa * 0.03;
    dc = kwp * poa * (1.0 - 0.004 * (cell_c - 25.0)) * 0.95;
    ac = dc * 0.965;
    if (ac > kwp * 1000.0)
        ac = kwp * 1000.0;
    return ac > 0 ? ac : 0;
}

static double power_at(const struct pvsim_site *s, size_t device,
                       int64_t ts_ms) {
    return produced_w(s, device, ts_ms, plane_irradiance(s, ts_ms));
}

static double energy_wh(struct pvsim_site *s, size_t device, int64_t ts_ms) {
    int64_t origin = s->counter_origin_ms, t, grid;
    double wh, p0;

    if (ts_ms <= origin)
        return BASE_ENERGY_WH * (1.0 + (double)device);
    grid = origin + (ts_ms - origin) / STEP_MS * STEP_MS;
    t = s->cache_[device].ts_ms;
    if (t == INT64_MIN || t > grid || t < origin) {
        t = origin;
        wh = 0;
    } else {
        wh = s->cache_[device].wh;
    }
    p0 = power_at(s, device, t);
    while (t < grid) {
        double p1 = power_at(s, device, t + STEP_MS);

        wh += (p0 + p1) / 2.0 * STEP_MS / 3600000.0;
        p0 = p1;
        t += STEP_MS;
    }
    s->cache_[device].ts_ms = grid;
    s->cache_[device].wh = wh;
    /*
     * The partial step: a share of the whole step's energy. A trapezoid
     * to ts_ms would not be monotonic where power falls within the step
     * (a fault): a read late in the step would then see less energy than
     * an earlier one, and a meter never counts backwards.
     */
    if (ts_ms > grid) {
        double p1 = power_at(s, device, grid + STEP_MS);

        wh += (p0 + p1) / 2.0 * (double)(ts_ms - grid) / 3600000.0;
    }
    return BASE_ENERGY_WH * (1.0 + (double)device) + wh;
}

/* The reading's named fields, in publishing order (state is separate). */
static const struct {
    enum pvs_metric metric;
    size_t off;
} fields[] = {
    {PVS_M_AC_POWER_W, offsetof(struct pvsim_reading, ac_power_w)},
    {PVS_M_AC_ENERGY_WH, offsetof(struct pvsim_reading, ac_energy_wh)},
    {PVS_M_AC_VOLTAGE_V, offsetof(struct pvsim_reading, ac_voltage_v)},
    {PVS_M_AC_CURRENT_A, offsetof(struct pvsim_reading, ac_current_a)},
    {PVS_M_AC_FREQUENCY_HZ, offsetof(struct pvsim_reading, ac_frequency_hz)},
    {PVS_M_POWER_FACTOR, offsetof(struct pvsim_reading, power_factor)},
    {PVS_M_DC_POWER_W, offsetof(struct pvsim_reading, dc_power_w)},
    {PVS_M_DC_VOLTAGE_V, offsetof(struct pvsim_reading, dc_voltage_v)},
    {PVS_M_DC_CURRENT_A, offsetof(struct pvsim_reading, dc_current_a)},
    {PVS_M_TEMP_HEATSINK_C, offsetof(struct pvsim_reading, temp_heatsink_c)},
    {PVS_M_TEMP_CABINET_C, offsetof(struct pvsim_reading, temp_cabinet_c)},
    {PVS_M_EVENT_BITS, offsetof(struct pvsim_reading, event_bits)},
};

static double *field(struct pvsim_reading *r, enum pvs_metric m, unsigned idx) {
    for (size_t i = 0; i < PVS_ARRAY_LEN(fields) && !idx; i++)
        if (fields[i].metric == m)
            return (double *)((char *)r + fields[i].off);
    return NULL;
}

static void apply_set(struct pvsim_reading *r, const struct pvsim_scenario *c) {
    for (size_t i = 0; i < c->nset; i++) {
        const struct pvsim_value *v = &c->set[i];
        double *f = field(r, v->metric, v->idx);

        if (v->metric == PVS_M_STATE && !v->idx) {
            r->state = (int)v->value;
        } else if (f) {
            *f = v->value;
        } else {
            size_t j;

            for (j = 0; j < r->nextra; j++)
                if (r->extra[j].metric == v->metric &&
                    r->extra[j].idx == v->idx)
                    break;
            if (j == r->nextra && r->nextra < PVSIM_MAX_SET)
                r->nextra++;
            if (j < PVSIM_MAX_SET)
                r->extra[j] = *v;
        }
    }
}

void pvsim_model_eval(struct pvsim_site *site, size_t device, int64_t ts_ms,
                      struct pvsim_reading *out) {
    double poa, el, kwp, load, amb;
    const struct pvsim_scenario *c;
    size_t it;

    PVS_ASSERT(device < site->ndevices && device < PVSIM_MAX_DEVICES);
    memset(out, 0, sizeof(*out));
    out->ts_ms = ts_ms;
    kwp = device_kwp(site, device);
    poa = plane_irradiance(site, ts_ms);
    el = pvsim_model_sun_elevation(site->lat, site->lon, ts_ms);
    out->ac_power_w = produced_w(site, device, ts_ms, poa);
    out->ac_energy_wh = energy_wh(site, device, ts_ms);
    out->poa_irradiance_wm2 = poa;
    out->ac_frequency_hz = 50.0 + 0.02 * sin((double)ts_ms / 97000.0);
    out->ac_voltage_v = 230.0 + 2.0 * sin((double)ts_ms / 131000.0);
    out->power_factor = 1.0;
    load = kwp > 0 ? out->ac_power_w / (kwp * 1000.0) : 0;
    amb = ambient_c(ts_ms, poa);
    out->temp_heatsink_c = amb + 5.0 + 30.0 * load;
    out->temp_cabinet_c = amb + 2.0 + 12.0 * load;
    if (out->ac_power_w > 0) {
        out->state = PVS_ST_MPPT;
        out->dc_power_w = out->ac_power_w / 0.965;
        out->dc_voltage_v = 620.0 - 60.0 * load;
        out->dc_current_a = out->dc_power_w / out->dc_voltage_v;
        out->ac_current_a = out->ac_power_w / out->ac_voltage_v;
    } else {
        out->state = el > 0 ? PVS_ST_STARTING : PVS_ST_SLEEPING;
        /* Open-circuit voltage while there is light and no current. */
        out->dc_voltage_v = el > 0 ? 680.0 : 0.0;
    }
    it = 0;
    while ((c = active(site, device, ts_ms, PVSIM_SCN_FAULT, &it))) {
        out->state = PVS_ST_FAULT;
        apply_set(out, c);
    }
    it = 0;
    while ((c = active(site, device, ts_ms, PVSIM_SCN_BREACH, &it)))
        apply_set(out, c);
    it = 0;
    if (active(site, device, ts_ms, PVSIM_SCN_SILENCE, &it))
        out->silent = true;
}

size_t pvsim_reading_values(const struct pvsim_reading *r,
                            struct pvsim_value *out, size_t max) {
    size_t n = 0;

    for (size_t i = 0; i < PVS_ARRAY_LEN(fields) && n < max; i++) {
        out[n].metric = fields[i].metric;
        out[n].idx = 0;
        out[n].value = *(const double *)((const char *)r + fields[i].off);
        n++;
        if (fields[i].metric == PVS_M_TEMP_CABINET_C && n < max) {
            out[n].metric = PVS_M_STATE;
            out[n].idx = 0;
            out[n].value = r->state;
            n++;
        }
    }
    for (size_t i = 0; i < r->nextra && n < max; i++)
        out[n++] = r->extra[i];
    return n;
}

enum pvs_err pvsim_site_add_scenario(struct pvsim_site *site,
                                     const struct pvsim_scenario *scn) {
    if (site->nscn >= PVSIM_MAX_SCENARIOS)
        return PVS_ERR_FULL;
    site->scn[site->nscn++] = *scn;
    /* Counters depend on faults: forget what was integrated. */
    for (size_t i = 0; i < PVSIM_MAX_DEVICES; i++)
        site->cache_[i].ts_ms = INT64_MIN;
    return PVS_OK;
}

/* "metric=value[,metric=value...]"; state takes a name or a number. */
static enum pvs_err parse_set(const char *s, struct pvsim_scenario *c,
                              char *msg, size_t msgsize) {
    char buf[256], *p, *save = NULL;
    enum pvs_err rc = PVS_OK;

    if (!pvs_strlcpy(buf, s, sizeof(buf))) {
        pvs_snprintf(msg, msgsize, "override list too long");
        return PVS_ERR_INVAL;
    }
    for (p = strtok_r(buf, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(p, '=');
        struct pvsim_value v;
        int st;

        if (!eq) {
            pvs_snprintf(msg, msgsize, "expected metric=value, got '%s'", p);
            rc = PVS_ERR_INVAL;
            break;
        }
        *eq = '\0';
        if (pvs_metric_parse(p, &v.metric, &v.idx)) {
            pvs_snprintf(msg, msgsize, "unknown metric '%s'", p);
            rc = PVS_ERR_INVAL;
            break;
        }
        st = v.metric == PVS_M_STATE ? pvs_state_parse(eq + 1) : -1;
        if (st > 0) {
            v.value = st;
        } else if (pvs_parse_double(eq + 1, &v.value)) {
            pvs_snprintf(msg, msgsize, "bad value '%s' for '%s'", eq + 1, p);
            rc = PVS_ERR_INVAL;
            break;
        }
        if (c->nset >= PVSIM_MAX_SET) {
            pvs_snprintf(msg, msgsize, "too many overrides");
            rc = PVS_ERR_INVAL;
            break;
        }
        c->set[c->nset++] = v;
    }
    return rc;
}

static enum pvs_err parse_device(const char *s, const char *const *ids,
                                 size_t ndev, int *ret_dev, char *msg,
                                 size_t msgsize) {
    int64_t idx;

    for (size_t i = 0; i < ndev; i++) {
        if (ids && ids[i] && !strcmp(ids[i], s)) {
            *ret_dev = (int)i;
            return PVS_OK;
        }
    }
    if (!pvs_parse_i64(s, &idx) && idx >= 0 && (size_t)idx < ndev) {
        *ret_dev = (int)idx;
        return PVS_OK;
    }
    pvs_snprintf(msg, msgsize, "unknown device '%s'", s);
    return PVS_ERR_INVAL;
}

/* "KIND[/DEVICE]" into c's kind and device. */
static enum pvs_err parse_kind(char *buf, const char *const *ids, size_t ndev,
                               struct pvsim_scenario *c, char *msg,
                               size_t msgsize) {
    static const char *const kinds[] = {"fault", "silence", "breach"};
    char *slash = strchr(buf, '/');
    bool found = false;

    if (slash) {
        *slash++ = '\0';
        if (parse_device(slash, ids, ndev, &c->device, msg, msgsize))
            return PVS_ERR_INVAL;
    }
    for (size_t i = 0; i < PVS_ARRAY_LEN(kinds); i++) {
        if (!strcmp(buf, kinds[i])) {
            c->kind = (enum pvsim_scn_kind)i;
            found = true;
        }
    }
    if (!found) {
        pvs_snprintf(msg, msgsize,
                     "unknown scenario '%s' (fault, silence, breach)", buf);
        return PVS_ERR_INVAL;
    }
    return PVS_OK;
}

/*
 * "TIME+DURATION[:SET]" (TIME ISO 8601 or "+offset" from start_ms) into
 * c's span; *ret_set points at SET inside at, or is NULL.
 */
static enum pvs_err parse_span(char *at, int64_t start_ms,
                               struct pvsim_scenario *c, char **ret_set,
                               char *msg, size_t msgsize) {
    char *plus, *colon, dmsg[128];
    int64_t t, dur;

    /* The duration follows the last '+' (ISO times may contain one). */
    plus = strrchr(at, '+');
    if (!plus || plus == at) {
        pvs_snprintf(msg, msgsize, "expected TIME+DURATION after '@'");
        return PVS_ERR_INVAL;
    }
    *plus++ = '\0';
    colon = strchr(plus, ':');
    if (colon)
        *colon++ = '\0';
    if (*at == '+') {
        if (pvs_cfg_parse_duration(at + 1, &t, dmsg, sizeof(dmsg))) {
            pvs_snprintf(msg, msgsize, "bad offset '%s': %s", at, dmsg);
            return PVS_ERR_INVAL;
        }
        t += start_ms;
    } else if (pvs_clock_parse_time(at, &t)) {
        pvs_snprintf(msg, msgsize, "bad time '%s'", at);
        return PVS_ERR_INVAL;
    }
    if (pvs_cfg_parse_duration(plus, &dur, dmsg, sizeof(dmsg)) || dur <= 0) {
        pvs_snprintf(msg, msgsize, "bad duration '%s'", plus);
        return PVS_ERR_INVAL;
    }
    c->start_ms = t;
    c->end_ms = t + dur;
    *ret_set = colon;
    return PVS_OK;
}

enum pvs_err pvsim_scenario_parse(const char *spec, int64_t start_ms,
                                  const char *const *ids, size_t ndev,
                                  struct pvsim_scenario *out, char *msg,
                                  size_t msgsize) {
    struct pvsim_scenario c;
    char buf[512], *at, *set = NULL;
    enum pvs_err rc = PVS_ERR_INVAL;

    memset(&c, 0, sizeof(c));
    c.device = -1;
    if (!pvs_strlcpy(buf, spec, sizeof(buf))) {
        pvs_snprintf(msg, msgsize, "scenario too long");
        goto out;
    }
    at = strchr(buf, '@');
    if (!at) {
        pvs_snprintf(msg, msgsize, "expected KIND@TIME+DURATION");
        goto out;
    }
    *at++ = '\0';
    if (parse_kind(buf, ids, ndev, &c, msg, msgsize) ||
        parse_span(at, start_ms, &c, &set, msg, msgsize))
        goto out;
    if (set && parse_set(set, &c, msg, msgsize))
        goto out;
    if (c.kind == PVSIM_SCN_BREACH && !c.nset) {
        pvs_snprintf(msg, msgsize, "breach needs ':metric=value'");
        goto out;
    }
    if (c.kind == PVSIM_SCN_FAULT) {
        /* The fault's own defaults come first; the spec may override. */
        struct pvsim_value st = {PVS_M_STATE, 0, PVS_ST_FAULT};

        if (c.nset >= PVSIM_MAX_SET) {
            pvs_snprintf(msg, msgsize, "too many overrides");
            goto out;
        }
        memmove(&c.set[1], &c.set[0], c.nset * sizeof(c.set[0]));
        c.set[0] = st;
        c.nset++;
    }
    rc = PVS_OK;
out:
    if (!rc)
        *out = c;
    return rc;
}
