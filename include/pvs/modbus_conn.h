/* SPDX-License-Identifier: MIT */
/*
 * modbus_conn.h - one libmodbus context for one endpoint (a TCP device or
 * gateway, or a serial RTU bus), with bounded timeouts and reconnection.
 *
 * A connection is used by one thread at a time, one request at a time:
 * that is what makes sharing a bus or a gateway between several unit ids
 * safe. It connects lazily on the first read and drops the link after an
 * I/O error or a timeout, so the next read reconnects (a TCP gateway that
 * restarted, a USB adapter that came back).
 *
 * libmodbus's own error text is produced with strerror(), which is not
 * thread-safe; pvs_modbus_conn_strerror formats the saved errno instead.
 */
#ifndef PVS_MODBUS_CONN_H
#define PVS_MODBUS_CONN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pvs/config.h"
#include "pvs/util.h"

/* A parsed endpoint URL. */
struct pvs_modbus_url {
    bool rtu;
    char host[256];     /* tcp: name or address (IPv6 without brackets) */
    int port;           /* tcp, default 502 */
    char device[256];   /* rtu: /dev/ttyUSB0 */
    int baud;           /* rtu, default 9600 */
    char parity;        /* 'N', 'E', 'O' */
    int data_bits;      /* default 8 */
    int stop_bits;      /* default 1 */
    int unit;           /* ?unit=N, default 1 */
    int64_t timeout_ms; /* ?timeout=MS, default 1000 */
};

/*
 * Parse "tcp://HOST[:PORT][?unit=N&timeout=MS]" or
 * "rtu:///dev/TTY[?baud=N&parity=N|E|O&data_bits=N&stop_bits=N&unit=N]".
 * On error returns PVS_ERR_INVAL with the reason in msg; out is written
 * only on success.
 */
enum pvs_err pvs_modbus_url_parse(const char *url, struct pvs_modbus_url *out,
                                  char *msg, size_t msgsize);

/* The URL of an [endpoint], with its baud/parity/.../timeout keys. */
enum pvs_err pvs_modbus_url_from_endpoint(const struct pvs_endpoint *e,
                                          struct pvs_modbus_url *out, char *msg,
                                          size_t msgsize);

struct pvs_modbus_conn;

/* A new, not yet connected, connection. *ret is owned by the caller. */
enum pvs_err pvs_modbus_conn_new(const struct pvs_modbus_url *url,
                                 struct pvs_modbus_conn **ret);
void pvs_modbus_conn_free(struct pvs_modbus_conn *c);

/*
 * Connects and reads on c give up as soon as *flag is true (read every
 * 50 ms while waiting), with PVS_ERR_CLOSED: a request under way is
 * abandoned and the link dropped; none is sent while *flag is true.
 * flag is borrowed and must outlive c; NULL (the default): never.
 */
void pvs_modbus_conn_set_cancel(struct pvs_modbus_conn *c, atomic_bool *flag);

/* Drop the link; the next read reconnects. */
void pvs_modbus_conn_close(struct pvs_modbus_conn *c);
bool pvs_modbus_conn_connected(const struct pvs_modbus_conn *c);

/*
 * Read n (1..125) registers (input registers when input is true, else
 * holding) of unit at addr. Returns PVS_OK, PVS_ERR_PROTO for a Modbus
 * exception (the device answered "no"), PVS_ERR_TIMEOUT when nothing came
 * back in time, PVS_ERR_IO for connection errors and garbled frames,
 * PVS_ERR_CLOSED when cancelled (pvs_modbus_conn_set_cancel). The link is
 * dropped on TIMEOUT, IO and a cancel while waiting. errno of the failure is
 * kept for pvs_modbus_conn_error.
 */
enum pvs_err pvs_modbus_conn_read(struct pvs_modbus_conn *c, int unit,
                                  bool input, uint32_t addr, uint16_t n,
                                  uint16_t *out);

/* Text of the last failure ("illegal data address", "connection refused"). */
const char *pvs_modbus_conn_error(const struct pvs_modbus_conn *c, char *buf,
                                  size_t size);
/* The saved errno of the last failure (0 after a success). */
int pvs_modbus_conn_errno(const struct pvs_modbus_conn *c);
/* "tcp://192.0.2.10:502" or "rtu:///dev/ttyUSB0" for messages. */
const char *pvs_modbus_conn_name(const struct pvs_modbus_conn *c);

/* Requests sent since creation (for the benchmark). */
uint64_t pvs_modbus_conn_requests(const struct pvs_modbus_conn *c);

/* Text for a libmodbus or system errno value, thread-safe. */
const char *pvs_modbus_strerror(int err, char *buf, size_t size);

#endif
