/* SPDX-License-Identifier: MIT */
/* poller.c - placeholder until the Modbus poller lands. */
#include "pvs/poller.h"

struct pvs_poller {
    int unused;
};

enum pvs_err pvs_poller_new(const struct pvs_config *cfg,
                            struct pvs_queue *inbox, struct pvs_poller **ret) {
    (void)cfg;
    (void)inbox;
    *ret = pvs_calloc(1, sizeof(struct pvs_poller));
    return PVS_OK;
}

enum pvs_err pvs_poller_start(struct pvs_poller *p) {
    (void)p;
    return PVS_OK;
}

void pvs_poller_stop(struct pvs_poller *p) {
    (void)p;
}

void pvs_poller_free(struct pvs_poller *p) {
    pvs_free(p);
}
