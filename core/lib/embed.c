/* SPDX-License-Identifier: MIT */
/* embed.c - lookup in the table of files compiled into the binary. */
#include <string.h>

#include "pvs/embed.h"

const char *pvs_embed_get(const char *path, size_t *ret_len) {
    for (const struct pvs_embedded *e = pvs_embedded_files; e->path; e++) {
        if (!strcmp(e->path, path)) {
            if (ret_len)
                *ret_len = e->len;
            return e->data;
        }
    }
    return NULL;
}
