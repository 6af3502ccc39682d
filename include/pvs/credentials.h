/* SPDX-License-Identifier: MIT */
/*
 * credentials.h - secrets kept out of the config file: a credentials file
 * holds "username:password" on its first line.
 */
#ifndef PVS_CREDENTIALS_H
#define PVS_CREDENTIALS_H

#include "pvs/util.h"

/*
 * Read path. On success the caller owns *ret_user and *ret_password
 * (free the password with pvs_credentials_free_secret, which wipes it).
 */
enum pvs_err pvs_credentials_read(const char *path, char **ret_user,
                                  char **ret_password);
void pvs_credentials_free_secret(char *secret);
/*
 * Whether the open file fd (read from path) is private enough to hold a
 * secret: not readable or writable by others (the owner and, for a
 * service group, its group may read it). Logs which chmod fixes it and
 * returns PVS_ERR_CONFIG otherwise.
 */
enum pvs_err pvs_secret_file_check(int fd, const char *path);

#endif
