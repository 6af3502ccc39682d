/* SPDX-License-Identifier: MIT */
/* msg.c - engine inbox messages. */
#include <string.h>

#include "pvs/command.h"
#include "pvs/msg.h"

struct pvs_msg *pvs_msg_new(enum pvs_msg_type type, size_t nsamples) {
    struct pvs_msg *m =
        pvs_calloc(1, sizeof(*m) + nsamples * sizeof(struct pvs_sample));

    m->type = type;
    m->nsamples = nsamples;
    return m;
}

void pvs_msg_free(struct pvs_msg *m) {
    if (!m)
        return;
    /* A command nobody answered (shutdown): drop the engine's ref. */
    if (m->cmd)
        pvs_command_put(m->cmd);
    pvs_free(m);
}

void pvs_msg_free_void(void *m) {
    pvs_msg_free(m);
}
