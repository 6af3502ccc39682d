/* SPDX-License-Identifier: MIT */
/*
 * sunspec.h - SunSpec discovery, model chain walking, point decoding and
 * the mapping of SunSpec points onto pvsentry's canonical metrics.
 *
 * The point tables (struct pvs_ss_model) are generated from the official
 * model definitions into collector/sunspec_models.c. Register I/O goes
 * through a pvs_ss_read_fn, so the same code reads a live device (through
 * modbus_conn.h), a register image in a unit test, or a simulator.
 *
 * A struct pvs_ss_device belongs to one thread at a time (the poller
 * thread of its endpoint, or the probe command). The tables are read-only
 * and shared.
 */
#ifndef PVS_SUNSPEC_H
#define PVS_SUNSPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pvs/metrics.h"
#include "pvs/util.h"

/* ---- generated tables ---- */

enum pvs_ss_type {
    PVS_SS_INT16,
    PVS_SS_UINT16,
    PVS_SS_ACC16,
    PVS_SS_COUNT,
    PVS_SS_INT32,
    PVS_SS_UINT32,
    PVS_SS_ACC32,
    PVS_SS_INT64,
    PVS_SS_UINT64,
    PVS_SS_ACC64,
    PVS_SS_ENUM16,
    PVS_SS_ENUM32,
    PVS_SS_BITFIELD16,
    PVS_SS_BITFIELD32,
    PVS_SS_BITFIELD64,
    PVS_SS_FLOAT32,
    PVS_SS_FLOAT64,
    PVS_SS_STRING,
    PVS_SS_SUNSSF,
    PVS_SS_PAD,
    PVS_SS_IPADDR,
    PVS_SS_IPV6ADDR,
    PVS_SS_EUI48,
};

/* An enum value or a bitfield bit (value = bit number). */
struct pvs_ss_symbol {
    const char *name;
    uint32_t value;
};

struct pvs_ss_point {
    const char *name;
    const char *units; /* NULL when the definition gives none */
    const struct pvs_ss_symbol *symbols;
    uint16_t nsymbols;
    uint16_t offset; /* registers from the start of its group instance */
    uint16_t size;   /* registers */
    uint8_t type;    /* enum pvs_ss_type */
    /*
     * Scale factor: the sunssf point is points[sf_index] of the group
     * sf_up levels above this point's group (0 = same group); sf_up < 0
     * means no scale-factor point. has_sf_fixed: a constant exponent.
     */
    int8_t sf_up;
    uint16_t sf_index;
    int8_t sf_fixed;
    bool has_sf_fixed;
};

enum pvs_ss_count {
    PVS_SS_COUNT_ONE,   /* exactly one instance (plain nested group) */
    PVS_SS_COUNT_FIXED, /* count instances */
    PVS_SS_COUNT_FILL,  /* as many as fit in the model length L */
    PVS_SS_COUNT_POINT, /* the value of a count point of an outer group */
};

struct pvs_ss_group {
    const char *name;
    const struct pvs_ss_point *points;
    uint16_t npoints;
    const struct pvs_ss_group *groups;
    uint16_t ngroups;
    uint16_t len;  /* registers of this group's own points */
    uint8_t count; /* enum pvs_ss_count */
    uint16_t count_n;
    /* COUNT_POINT: points[count_index] of the group count_up levels above
     * the parent group (0 = the parent). */
    int8_t count_up;
    uint16_t count_index;
};

struct pvs_ss_model {
    uint16_t id;
    const char *name;
    const char *label;
    const struct pvs_ss_group *group; /* top group; points[0..1] = ID, L */
};

/* Sorted by id. */
extern const struct pvs_ss_model pvs_sunspec_models[];
extern const size_t pvs_sunspec_nmodels;

/* The definition of model id, or NULL when unknown. */
const struct pvs_ss_model *pvs_sunspec_model_find(unsigned id);

/* ---- decoded values ---- */

#define PVS_SS_STR_MAX 320

enum pvs_ss_vkind {
    PVS_SS_V_NI,     /* not implemented (or not readable): never data */
    PVS_SS_V_NUMBER, /* num, scaled */
    PVS_SS_V_ENUM,   /* bits = raw value, symbol = its name or NULL */
    PVS_SS_V_BITS,   /* bitfield: bits */
    PVS_SS_V_STRING, /* str (also ipaddr, ipv6addr, eui48) */
    PVS_SS_V_SF,     /* a scale factor: num = exponent */
};

struct pvs_ss_value {
    enum pvs_ss_vkind kind;
    double num;
    uint64_t bits;
    const char *symbol;
    char str[PVS_SS_STR_MAX];
};

/* ---- quirks: vendor deviations pvsentry tolerates (one bit each) ---- */

enum pvs_ss_quirk {
    PVS_SSQ_COMMON_LEN_65 = (1 << 0),    /* common model L=65, no Pad */
    PVS_SSQ_END_ZERO = (1 << 1),         /* chain ends with 0x0000 */
    PVS_SSQ_END_EXCEPTION = (1 << 2),    /* chain ends with an exception */
    PVS_SSQ_LEN_PAST_MAP = (1 << 3),     /* a model runs past the map */
    PVS_SSQ_PF_PERCENT = (1 << 4),       /* power factor in percent */
    PVS_SSQ_PF_NEG_PRODUCING = (1 << 5), /* PF < 0 while W > 0 */
    PVS_SSQ_EVT_ALL_ONES = (1 << 6),     /* event bitfield all ones */
    PVS_SSQ_LL_VOLTAGE_ZERO = (1 << 7),  /* meter line-to-line V = 0 */
    PVS_SSQ_FLOAT_NAN = (1 << 8),        /* float model with NaN points */
    PVS_SSQ_UNKNOWN_MODEL = (1 << 9),    /* a model id without definition */
};
#define PVS_SSQ__COUNT 10

/* Short id ("common_len_65") and one-line explanation of a quirk bit. */
const char *pvs_sunspec_quirk_name(unsigned bit);
const char *pvs_sunspec_quirk_text(unsigned bit);

/* ---- register access ---- */

/*
 * Read n (1..125) holding registers at addr into out. Returns PVS_OK,
 * PVS_ERR_PROTO for a Modbus exception (illegal address, gateway target
 * failed...), PVS_ERR_TIMEOUT or PVS_ERR_IO when nothing usable came back.
 */
typedef enum pvs_err pvs_ss_read_fn(void *ctx, uint32_t addr, uint16_t n,
                                    uint16_t *out);

#define PVS_SS_MAX_READ 125
#define PVS_SS_MAX_MODELS 64
#define PVS_SS_MAX_MODEL_LEN 4096

/* One model as found in a device's chain. */
struct pvs_ss_model_data {
    uint16_t id;
    uint16_t len;   /* L as reported */
    uint32_t addr;  /* address of the ID register */
    uint32_t avail; /* registers read (ID, L and body); < len + 2 if the
                       model runs past the device's map */
    const struct pvs_ss_model *def; /* NULL: unknown model */
    uint16_t *regs;                 /* avail registers, owned */
};

/* Where a canonical metric comes from (built at discovery). */
struct pvs_ss_binding {
    uint16_t metric; /* enum pvs_metric */
    uint16_t idx;
    uint16_t model; /* index into models[] */
    uint8_t conv;   /* conversion, private to sunspec.c */
    uint16_t off;   /* register offset of the point in the model */
    int32_t sf_off; /* register offset of its scale factor, -1 none */
    int8_t sf_fixed;
    const struct pvs_ss_point *pt;
};

#define PVS_SS_MAX_BINDINGS 128

struct pvs_ss_device {
    uint32_t base; /* address of "SunS" */
    size_t nmodels;
    struct pvs_ss_model_data models[PVS_SS_MAX_MODELS];
    unsigned quirks; /* enum pvs_ss_quirk bits seen so far */
    char manufacturer[33];
    char model[33];
    char version[17];
    char serial[33];
    size_t nbindings;
    struct pvs_ss_binding bindings[PVS_SS_MAX_BINDINGS];
};

/*
 * Find the "SunS" marker (40000, then 0, then 50000), walk the chain and
 * read every model. A timeout on the first base ends the search at once
 * (the device does not answer; probing further would only multiply the
 * wait). Returns PVS_OK with *ret a new device owned by the caller,
 * PVS_ERR_NOTFOUND when no base holds the marker, PVS_ERR_PROTO when the
 * device answered every base with an exception, PVS_ERR_TIMEOUT/_IO when it
 * does not answer. Read-only: one request at a time.
 */
enum pvs_err pvs_sunspec_discover(pvs_ss_read_fn *read, void *ctx,
                                  struct pvs_ss_device **ret);
void pvs_sunspec_device_free(struct pvs_ss_device *d);

/*
 * Re-read the models that feed metrics (one request each when they fit,
 * otherwise scale factors, values, scale factors again, retried when the
 * scale factors moved). PVS_ERR_NOTFOUND when a model's ID or L is no
 * longer what discovery found (the caller should discover again); other
 * errors come from read.
 */
enum pvs_err pvs_sunspec_refresh(struct pvs_ss_device *d, pvs_ss_read_fn *read,
                                 void *ctx);

/* ---- walking and decoding ---- */

/* What the walker knows about one point instance. */
struct pvs_ss_point_ref {
    const struct pvs_ss_model_data *m;
    const struct pvs_ss_group *group;
    const struct pvs_ss_point *pt;
    unsigned depth; /* 0 = top group */
    unsigned index; /* instance of the innermost repeating group */
    uint32_t off;   /* register offset of the point in the model */
    int32_t sf_off; /* register offset of its scale factor or -1 */
    int sf_fixed;   /* when has_sf_fixed */
    bool readable;  /* inside the registers that could be read */
};

struct pvs_ss_visitor {
    /* A group instance starts/ends: index of count instances. */
    void (*group_begin)(void *ctx, const struct pvs_ss_group *g, unsigned index,
                        unsigned count);
    void (*group_end)(void *ctx, const struct pvs_ss_group *g, unsigned index,
                      unsigned count);
    /* Every point, including ID, L, pads and scale factors. */
    void (*point)(void *ctx, const struct pvs_ss_point_ref *ref,
                  const struct pvs_ss_value *v);
};

/*
 * Walk a model's groups and points in register order. Repeating groups are
 * reported once per instance (group_begin with index 0..count-1), also when
 * count is 0 (no instance: group_begin is not called). Quirk bits met on the
 * way are or-ed into *quirks (may be NULL). Unknown models have no points.
 */
void pvs_sunspec_walk(const struct pvs_ss_model_data *m,
                      const struct pvs_ss_visitor *v, void *ctx,
                      unsigned *quirks);

/* Decode one point instance (scale factor applied). */
void pvs_sunspec_decode(const struct pvs_ss_point_ref *ref,
                        struct pvs_ss_value *out, unsigned *quirks);

/* A model's top-level point by name, decoded; false when absent. */
bool pvs_sunspec_point(const struct pvs_ss_model_data *m, const char *name,
                       struct pvs_ss_value *out);

/* ---- canonical metrics ---- */

struct pvs_ss_metric {
    uint16_t metric; /* enum pvs_metric */
    uint16_t idx;
    uint8_t quality; /* enum pvs_quality */
    double value;    /* NAN unless quality is ok (or out_of_range) */
    uint16_t model_id;
    const struct pvs_ss_point *pt; /* the point it came from */
};

/*
 * Decode every bound metric of d from its registers into out (at most max).
 * Power factor comes out as a signed fraction; state as enum pvs_state.
 * Quirk bits are or-ed into d->quirks. Returns the number written.
 */
size_t pvs_sunspec_metrics(struct pvs_ss_device *d, struct pvs_ss_metric *out,
                           size_t max);

/*
 * Names of the bits set in an event_bits value, from the definition of the
 * model the metric came from, comma-separated into buf. Returns buf.
 */
const char *pvs_sunspec_bit_names(const struct pvs_ss_point *pt, uint64_t bits,
                                  char *buf, size_t size);

/*
 * A register image for tests and the simulator: any of the 65536 holding
 * registers may be present; reading one that is not answers PVS_ERR_PROTO
 * (a Modbus exception). Allocate with pvs_calloc (about 200 KB).
 */
struct pvs_ss_image {
    uint16_t regs[65536];
    uint8_t valid[65536];
};
enum pvs_err pvs_sunspec_image_read(void *ctx, uint32_t addr, uint16_t n,
                                    uint16_t *out);

/*
 * Parse the text image format into img (which is not cleared first).
 * Tokens, separated by blanks; '#' starts a comment:
 *   @ADDR        next register address (decimal)
 *   N, -N, 0xH   one register (16-bit, two's complement when negative)
 *   u32:N i32:N u64:N i64:N f32:X   (X may be nan), big-endian words
 *   s:N:TEXT     TEXT in N registers, NUL-padded ('_' stands for a blank)
 *   x:N          N registers of 0xffff;  z:N   N registers of 0
 * On error returns PVS_ERR_INVAL with "line N: ..." in msg.
 */
enum pvs_err pvs_sunspec_image_parse(const char *text, struct pvs_ss_image *img,
                                     char *msg, size_t msgsize);

#endif
