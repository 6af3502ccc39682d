/* SPDX-License-Identifier: MIT */
/* credentials.c - "username:password" files for MQTT and SMTP. */
#define PVS_LOG_MODULE "config"
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pvs/credentials.h"
#include "pvs/log.h"

enum pvs_err pvs_credentials_read(const char *path, char **ret_user,
                                  char **ret_password) {
    FILE *f = fopen(path, "r");
    char line[1024], ebuf[128];
    char *colon;
    enum pvs_err rc = PVS_ERR_CONFIG;

    if (!f) {
        int err = errno;
        pvs_error("cannot open credentials '%s': %s", path,
                  pvs_strerror(err, ebuf, sizeof(ebuf)));
        return PVS_ERR_IO;
    }
    if (fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\r\n")] = '\0';
        colon = strchr(line, ':');
        if (colon && colon != line) {
            *colon = '\0';
            *ret_user = pvs_strdup(line);
            *ret_password = pvs_strdup(colon + 1);
            rc = PVS_OK;
        }
    }
    if (rc)
        pvs_error("credentials '%s': expected 'username:password' on the "
                  "first line",
                  path);
    memset(line, 0, sizeof(line));
    fclose(f);
    return rc;
}

void pvs_credentials_free_secret(char *secret) {
    if (!secret)
        return;
    memset(secret, 0, strlen(secret));
    pvs_free(secret);
}
