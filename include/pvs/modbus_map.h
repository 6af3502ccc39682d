/* SPDX-License-Identifier: MIT */
/*
 * modbus_map.h - register maps for devices that do not speak SunSpec.
 *
 * A [map "name"] groups [register "name/metric"] entries (address,
 * function, type, word order, scale, offset, unit), parsed and range-checked
 * by the config schema. This module adds the checks that need the whole map
 * (overlaps, a map without registers, a register past the end of the
 * register space) with the same "file:line: message" errors, and turns a
 * map into a read plan: as few requests as possible, none longer than 125
 * registers, then decodes the registers into canonical samples.
 *
 * A plan is immutable after pvs_modbus_map_new and may be shared by every
 * device that uses the map; it borrows from the config, which must outlive
 * it.
 */
#ifndef PVS_MODBUS_MAP_H
#define PVS_MODBUS_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pvs/config.h"
#include "pvs/metrics.h"
#include "pvs/util.h"

/*
 * Check every map of cfg. Errors are appended to errs; returns
 * PVS_ERR_CONFIG when there was any, else PVS_OK.
 */
enum pvs_err pvs_modbus_map_check(const struct pvs_config *cfg,
                                  struct pvs_cfg_errors *errs);

struct pvs_modbus_map;

/*
 * The read plan of map `name` (which must exist and pass the checks).
 * *ret is owned by the caller; PVS_ERR_NOTFOUND for an unknown name.
 */
enum pvs_err pvs_modbus_map_new(const struct pvs_config *cfg, const char *name,
                                struct pvs_modbus_map **ret);
void pvs_modbus_map_free(struct pvs_modbus_map *m);

/* Number of Modbus requests one poll of the map makes. */
size_t pvs_modbus_map_requests(const struct pvs_modbus_map *m);
/* Number of metrics (registers) one poll yields. */
size_t pvs_modbus_map_size(const struct pvs_modbus_map *m);

/*
 * Read n (1..125) registers at addr, input registers when input is true.
 * Same return values as pvs_modbus_conn_read.
 */
typedef enum pvs_err pvs_map_read_fn(void *ctx, bool input, uint32_t addr,
                                     uint16_t n, uint16_t *out);

/*
 * Poll the device once: every request of the plan, then decode into
 * out[0..pvs_modbus_map_size) (metric, idx, value, quality; dev and ts_ms
 * are left to the caller). A register whose value is NaN is
 * not_implemented; outside the metric's range is out_of_range. Returns
 * the first read error (out is then not written).
 */
enum pvs_err pvs_modbus_map_poll(const struct pvs_modbus_map *m,
                                 pvs_map_read_fn *read, void *ctx,
                                 struct pvs_sample *out);

/* Decode one register value (exposed for tests). regs holds the words as
 * read; n is 1, 2 or 4 by type. */
double pvs_modbus_map_decode(const char *type, bool little_endian_words,
                             const uint16_t *regs);

#endif
