/* SPDX-License-Identifier: MIT */
/*
 * running.h - the configuration pvsentry runs: the config file plus the
 * objects created through the API (core/daemon/running.c). `pvsentry
 * run`, its reload and `pvsentry check` all build it here, so check
 * validates exactly what run would run.
 */
#ifndef PVS_RUNNING_H
#define PVS_RUNNING_H

#include "pvs/config.h"
#include "pvs/store.h"

enum pvs_running_flags {
    /* An invalid object of the database is an error, not left out
     * (pvsentry check). */
    PVS_RUNNING_STRICT = (1 << 0),
};

/*
 * Build the running configuration from the file at path and the API's
 * objects: the rows of st (an open handle, such as the engine's, inside
 * or outside its transaction), or with st NULL of the file's database
 * opened read-only (one that does not exist yet adds nothing; one that
 * cannot be read is warned about and the file alone is used).
 *
 * Everything is checked as one file would be: keys, ranges, references,
 * rule parameters, register maps and MQTT topic maps. A file error is
 * "file:line: message" in errs and fails the build. An error in a
 * database object reads "DATABASE: ENTITY 'ID': message"; with
 * PVS_RUNNING_STRICT it fails the build like a file error, otherwise the
 * object is left out (with what then lacks it, such as its devices),
 * the error is logged as a warning and the rest runs.
 *
 * On success *ret owns the new config and PVS_OK is returned; otherwise
 * PVS_ERR_CONFIG with every error in errs (zero-initialised by the
 * caller). Any thread: nothing is shared.
 */
enum pvs_err pvs_running_load(const char *path, struct pvs_store *st,
                              unsigned flags, struct pvs_config **ret,
                              struct pvs_cfg_errors *errs);

/*
 * pvs_running_load with only the sites view->keep keeps (a cluster
 * worker's slots, pvs_cluster_keeps) and what hangs on them (see
 * pvs_config_load_view); view NULL keeps everything.
 */
struct pvs_running_view {
    bool (*keep)(void *ud, const char *site);
    void *ud;
};
enum pvs_err pvs_running_load_view(const char *path, struct pvs_store *st,
                                   unsigned flags,
                                   const struct pvs_running_view *view,
                                   struct pvs_config **ret,
                                   struct pvs_cfg_errors *errs);

#endif
