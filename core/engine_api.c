/* SPDX-License-Identifier: MIT */
/* engine_api.c - placeholder until the API's commands land. */
#include "pvs/engine_api.h"

bool pvs_engine_api_command(const struct pvs_config *cfg, struct pvs_store *st,
                            struct pvs_command *c, int64_t now_ms,
                            enum pvs_err *ret_db_error) {
    (void)cfg;
    (void)st;
    (void)c;
    (void)now_ms;
    (void)ret_db_error;
    return false;
}
