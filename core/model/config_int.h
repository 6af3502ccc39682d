/* SPDX-License-Identifier: MIT */
/*
 * config_int.h - what config.c (the reader) hands to config_schema.c (the
 * tables). Private to core/.
 */
#ifndef PVS_CONFIG_INT_H
#define PVS_CONFIG_INT_H

#include "pvs/config.h"

struct cfg_raw_section {
    char *type; /* lowercased */
    char *name; /* NULL when unnamed */
    const char *file;
    int line;
    struct pvs_kv *kv;
    size_t nkv;
};

struct cfg_raw {
    struct cfg_raw_section *sections;
    size_t nsections;
    struct cfg_raw_section junk; /* keys under a broken header */
    char **files;
    size_t nfiles;
};

void pvs_cfg_raw_read(struct cfg_raw *raw, const char *path,
                      struct pvs_cfg_errors *errs);
/* keep_files: the file names moved into a config, do not free them. */
void pvs_cfg_raw_release(struct cfg_raw *raw, bool keep_files);

/*
 * Leave out of raw every site keep(ud, id) does not keep, with its
 * devices, gateway maps, scoped rules and silences, and the endpoints no
 * kept device uses (config_cluster.c: a cluster worker's slots).
 */
void pvs_cfg_raw_keep_sites(struct cfg_raw *raw,
                            bool (*keep)(void *ud, const char *site), void *ud);

#endif
