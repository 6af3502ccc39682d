/* SPDX-License-Identifier: MIT */
/*
 * mail.h - the mail format (core/model/mail.c): pure builders and readers
 * of the RFC 5322 text the email channel sends. Any thread.
 */
#ifndef PVS_MAIL_H
#define PVS_MAIL_H

#include <stdint.h>

/*
 * Build an RFC 5322 mail (CRLF line ends): the text as a plain part and an
 * HTML twin (multipart/alternative); with an ics calendar text, the
 * invitation is attached (invite.ics). Caller frees the result.
 */
char *pvs_email_build(const char *from, const char *to, const char *subject,
                      const char *body, const char *message_id, int64_t date_ms,
                      const char *const *extra_headers, const char *ics);

/*
 * What the reader of a mail built by pvs_email_build reads: its plain
 * text part, with LF line ends and no headers, MIME or markup. A text
 * that is no such mail (an SMS) is returned as it is. Caller frees.
 */
char *pvs_email_plain_text(const char *mail);

#endif
