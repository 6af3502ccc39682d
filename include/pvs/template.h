/* SPDX-License-Identifier: MIT */
/*
 * template.h - message templates (notifier/templates/<lang>/<name>.txt,
 * compiled into the binary) and their rendering. Pure; thread-safe.
 *
 * Syntax: {{name}} is replaced by the variable's value (missing or empty:
 * nothing); {{#name}}...{{/name}} keeps its content only when the variable
 * is non-empty; {{^name}}...{{/name}} only when it is empty. The first
 * line of a mail template is "Subject: ...".
 */
#ifndef PVS_TEMPLATE_H
#define PVS_TEMPLATE_H

#include <stddef.h>
#include "pvs/util.h"

struct pvs_tvar {
    const char *name;
    const char *value;
};

/*
 * Render tmpl with vars. Returns a new string (caller frees), or NULL with
 * PVS_ERR_INVAL for an unbalanced or unknown section, described in err.
 */
enum pvs_err pvs_template_render(const char *tmpl, const struct pvs_tvar *vars,
                                 size_t nvars, char **ret, char *err,
                                 size_t errsize);

/*
 * The template name in language lang, falling back to English. NULL when
 * neither exists.
 */
const char *pvs_template_get(const char *lang, const char *name);

/* The languages every template and word list exists in, NULL-ended. */
extern const char *const pvs_template_languages[];

/*
 * A phrase from notifier/templates/<lang>/'s word lists (words.txt for
 * customers' messages, tech.txt for technicians', pages.txt for link
 * pages, evidence*.txt and why*.txt for what the rules saw, vendor.txt
 * for vendor event codes, timeline.txt for the ticket timeline, and
 * dashboard.txt for the customer's dashboard), whose lines are
 * "key = value" (# starts a comment line). The value is copied into buf
 * (it may hold {{name}} variables: render it). Falls back to English;
 * NULL when neither has the key.
 */
const char *pvs_template_word(const char *lang, const char *key, char *buf,
                              size_t size);

/*
 * Evidence and explanations as the rules write them: not prose but a
 * message key and its parameters, "@key|name=value|name=value" (values
 * are numbers, ids and codes; one that starts with '~' names a phrase
 * itself: "what=~bit.ground_fault"). Rendered here with the phrase
 * "ev.<key>" (evidence*.txt, why*.txt) in language lang (falling back to
 * English), each {{name}} replaced by its value, into buf; returns buf. Text
 * without the leading '@' (older alerts in the store) is copied as it
 * is; a key without a phrase shows the key and its values.
 */
const char *pvs_template_evidence(const char *lang, const char *src, char *buf,
                                  size_t size);
/*
 * The same for a reader at a site: an instant among the values (as the
 * rules write it, "2024-06-21T06:54:00Z") is shown in the site's zone tz
 * with its name zone ("2024-06-21 08:54 Europe/Paris"). tz NULL: as
 * pvs_template_evidence.
 */
struct pvs_tz;
const char *pvs_template_evidence_at(const char *lang, const char *src,
                                     const struct pvs_tz *tz, const char *zone,
                                     char *buf, size_t size);

/*
 * A ticket's title in language lang ("Wechselrichter inv1 meldet eine
 * Störung (vendor:3501)"), from its family, the device's kind and id
 * (NULL: the site) and its subject. Into buf; returns buf.
 */
const char *pvs_template_title(const char *lang, const char *family,
                               const char *kind, const char *device,
                               const char *subject, char *buf, size_t size);

/*
 * A number as language lang writes it: num ("12.5") with the language's
 * decimal mark (phrase "num.decimal": "12,5" in French); anything but a
 * plain decimal number is copied as it is. Into buf; returns buf.
 */
const char *pvs_template_decimal(const char *lang, const char *num, char *buf,
                                 size_t size);
/* v with the given number of decimals, the same way. */
const char *pvs_template_number(const char *lang, double v, int decimals,
                                char *buf, size_t size);

/*
 * Split a rendered mail into its subject (first line "Subject: ...") and
 * body. Both are new strings.
 */
void pvs_template_split_subject(const char *text, char **ret_subject,
                                char **ret_body);

#endif
