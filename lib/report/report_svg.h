/*
 * report_svg.h - the charts of the HTML report as inline SVG: no script,
 * no font, no reference to anything outside the page. Each chart is one
 * <svg role="img"> with a <title> and a <desc>, axis labels and a legend;
 * the HTML page puts its data table beside it. Colours are the
 * Okabe-Ito palette, told apart by people with colour blindness.
 * Internal to lib/report*.c.
 */
#ifndef LCM_REPORT_SVG_H
#define LCM_REPORT_SVG_H

#include "buf.h"
#include "report.h"

/* Posts and new threads (bars) and active learners (line) per week;
 * id prefixes the element ids (title, desc). Appended to b. */
void lcm_report_svg_activity(const struct lcm_report *r, const char *id, struct lcm_buf *b);

/* New threads per week by seed: top-down, members' questions, exchange
 * (stacked bars). */
void lcm_report_svg_mix(const struct lcm_report *r, const char *id, struct lcm_buf *b);

/* New threads of the period by time to a first reply from someone else
 * (a histogram), and those with none yet. */
void lcm_report_svg_response(const struct lcm_report *r, const char *id, struct lcm_buf *b);

#endif
