/* SPDX-License-Identifier: MIT */
/* web.c - placeholder until the HTTP server lands: no server. */
#include "pvs/web.h"

enum pvs_err pvs_web_new(const struct pvs_config *cfg, struct pvs_queue *inbox,
                         struct pvs_web **ret) {
    (void)cfg;
    (void)inbox;
    *ret = NULL;
    return PVS_OK;
}

enum pvs_err pvs_web_start(struct pvs_web *w) {
    (void)w;
    return PVS_OK;
}

void pvs_web_stop(struct pvs_web *w) {
    (void)w;
}

void pvs_web_free(struct pvs_web *w) {
    (void)w;
}
