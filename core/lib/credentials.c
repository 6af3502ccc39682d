/* SPDX-License-Identifier: MIT */
/* credentials.c - "username:password" files for MQTT and SMTP. */
#define PVS_LOG_MODULE "config"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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
    if (pvs_secret_file_check(fileno(f), path)) {
        fclose(f);
        return PVS_ERR_CONFIG;
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

enum pvs_err pvs_secret_file_check(int fd, const char *path) {
    struct stat sb;
    char ebuf[128];

    if (fstat(fd, &sb)) {
        pvs_error("cannot check the mode of '%s': %s", path,
                  pvs_strerror(errno, ebuf, sizeof(ebuf)));
        return PVS_ERR_IO;
    }
    if (!(sb.st_mode & (S_IROTH | S_IWOTH | S_IWGRP)))
        return PVS_OK;
    pvs_error("'%s' holds a secret and others can read or change it (mode "
              "%03o): run 'chmod 600 %s' (or 640 for the service group)",
              path, (unsigned)(sb.st_mode & 0777), path);
    return PVS_ERR_CONFIG;
}

void pvs_credentials_free_secret(char *secret) {
    if (!secret)
        return;
    memset(secret, 0, strlen(secret));
    pvs_free(secret);
}
