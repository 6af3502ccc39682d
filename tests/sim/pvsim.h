/* SPDX-License-Identifier: MIT */
/*
 * pvsim.h - the simulated PV site shared by pvsim's modes (MQTT publisher,
 * Modbus server).
 *
 * A site is an array of kWp at a latitude/longitude with a tilt and an
 * azimuth (180 = south), split evenly over ndevices inverters. At any
 * simulated instant the model gives each inverter a plausible reading: AC
 * power from a clear-sky shape driven by the sun's elevation and the angle
 * of incidence on the array, optionally dimmed by deterministic cloud noise
 * (same seed, same clouds), a lifetime energy counter that never goes
 * backwards, DC values, temperatures, the operating state and event bits.
 *
 * Fault scenarios are part of the site, so both modes inject them the same
 * way:
 *
 *     fault@T+DUR[:metric=value,...]     state fault, no power, from T for DUR
 *     silence@T+DUR                      the device sends/answers nothing
 *     breach@T+DUR:metric=value[,...]    the metric reads value (threshold)
 *
 * T is ISO 8601 ("2024-06-21T10:00:00Z") or an offset from the simulation
 * start ("+2h", "+90m"); DUR is a duration ("30m", "1h30m"). A scenario
 * applies to every device unless the kind names one: "fault/inv2@+2h+30m"
 * (a device id or a 0-based index). Give several to repeat a fault.
 *
 * The model is deterministic: the same site, device and instant always give
 * the same reading. A site is not thread-safe (the energy counter keeps an
 * integration cache); give each thread its own copy or a lock.
 */
#ifndef PVSIM_H
#define PVSIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pvs/metrics.h"
#include "pvs/util.h"

#define PVSIM_MAX_DEVICES 64
#define PVSIM_MAX_SCENARIOS 64
#define PVSIM_MAX_SET 8     /* metric overrides per scenario */
#define PVSIM_MAX_VALUES 32 /* values in one reading */

/* One canonical metric value; idx is the MPPT input for mppt<N>_ metrics. */
struct pvsim_value {
    enum pvs_metric metric;
    unsigned idx;
    double value;
};

enum pvsim_scn_kind {
    PVSIM_SCN_FAULT = 0,
    PVSIM_SCN_SILENCE,
    PVSIM_SCN_BREACH,
};

struct pvsim_scenario {
    enum pvsim_scn_kind kind;
    int device;               /* 0-based index, or -1 for every device */
    int64_t start_ms, end_ms; /* active on [start_ms, end_ms) */
    size_t nset;
    struct pvsim_value set[PVSIM_MAX_SET]; /* overrides while active */
};

struct pvsim_site {
    double kwp;           /* whole site, split evenly over the devices */
    double lat, lon;      /* degrees, north and east positive */
    double tilt, azimuth; /* degrees; azimuth 180 = south */
    size_t ndevices;
    double cloud;  /* 0 = clear sky; up to 1 = deep cloud dips */
    uint64_t seed; /* cloud noise seed */
    /* Energy counters integrate from here (simulated ms since the epoch). */
    int64_t counter_origin_ms;
    size_t nscn;
    struct pvsim_scenario scn[PVSIM_MAX_SCENARIOS];
    /* private: integration cache per device (see model.c) */
    struct {
        int64_t ts_ms;
        double wh;
    } cache_[PVSIM_MAX_DEVICES];
};

/* What one inverter reads at one instant. */
struct pvsim_reading {
    int64_t ts_ms;
    bool silent; /* inside a silence scenario: send or answer nothing */
    int state;   /* enum pvs_state */
    double ac_power_w;
    double ac_energy_wh; /* lifetime counter, never decreases */
    double ac_voltage_v;
    double ac_current_a;
    double ac_frequency_hz;
    double power_factor;
    double dc_power_w;
    double dc_voltage_v;
    double dc_current_a;
    double temp_heatsink_c;
    double temp_cabinet_c;
    double event_bits;         /* SunSpec Evt1-style bit field, as a number */
    double poa_irradiance_wm2; /* plane-of-array irradiance behind it */
    /* breach/fault overrides of metrics that have no field above */
    size_t nextra;
    struct pvsim_value extra[PVSIM_MAX_SET];
};

/*
 * Fill site with defaults: 10 kWp, one device, Lyon (45.76 N, 4.84 E),
 * tilt 30, azimuth 180, clear sky, no scenario, counters from the epoch.
 */
void pvsim_site_init(struct pvsim_site *site);

/*
 * The site option --name (kwp, lat, lon, tilt, azimuth, cloud or seed) of
 * either mode, with its value, into site. Returns 0 when set, -1 after
 * saying on stderr that the value is bad or out of range, 1 when name is
 * not a site option.
 */
int pvsim_site_option(struct pvsim_site *site, const char *name,
                      const char *value);

/*
 * Parse one scenario spec (see the top of this file) into *out.
 * start_ms is the simulation start, the base of "+offset" times. ids are
 * the device ids (ndev of them) a "kind/device" prefix may name. On error
 * returns PVS_ERR_INVAL with a message in msg; *out is set only on
 * success.
 */
enum pvs_err pvsim_scenario_parse(const char *spec, int64_t start_ms,
                                  const char *const *ids, size_t ndev,
                                  struct pvsim_scenario *out, char *msg,
                                  size_t msgsize);

/* Append a scenario; PVS_ERR_FULL beyond PVSIM_MAX_SCENARIOS. */
enum pvs_err pvsim_site_add_scenario(struct pvsim_site *site,
                                     const struct pvsim_scenario *scn);

/*
 * The reading of device (0-based, < site->ndevices) at simulated instant
 * ts_ms. Always succeeds; out is fully written.
 */
void pvsim_model_eval(struct pvsim_site *site, size_t device, int64_t ts_ms,
                      struct pvsim_reading *out);

/* Sun elevation above the horizon in degrees (simple solar position). */
double pvsim_model_sun_elevation(double lat, double lon, int64_t ts_ms);

/*
 * Flatten a reading into (metric, value) pairs: every field above in a
 * fixed order, then the extras. Returns the number written (at most max).
 */
size_t pvsim_reading_values(const struct pvsim_reading *r,
                            struct pvsim_value *out, size_t max);

/*
 * Entry point of the Modbus mode (tests/sim/modbus.c); argv[0] is "modbus".
 * Returns the process exit status.
 */
int pvsim_modbus_main(int argc, char **argv);

#endif
