/* SPDX-License-Identifier: MIT */
/*
 * embed.h - text files compiled into the binary (mail templates,
 * knowledge-base articles, vendor code tables), looked up by their path in
 * the source tree ("notifier/templates/en/tech_alert.txt").
 */
#ifndef PVS_EMBED_H
#define PVS_EMBED_H

#include <stddef.h>

struct pvs_embedded {
    const char *path;
    const char *data; /* NUL-terminated */
    size_t len;
};

/* Terminated by an entry with path NULL. */
extern const struct pvs_embedded pvs_embedded_files[];

/* The file's contents, or NULL. */
const char *pvs_embed_get(const char *path, size_t *ret_len);

#endif
