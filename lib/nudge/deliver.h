/*
 * deliver.h - where lcm-nudge's messages go: one file each in an outbox
 * directory, appended to an mbox, or piped to sendmail. Each call says
 * whether the message is safely out (written and synced, or accepted by
 * sendmail), which is when lcm-nudge records it.
 */
#ifndef LCM_NUDGE_DELIVER_H
#define LCM_NUDGE_DELIVER_H

#include <stddef.h>

#include "err.h"

/*
 * Writes msg (len bytes) to dir/name: to a temporary file first, synced,
 * then renamed, so a crash leaves no half message under a final name.
 * 0, or -1 with err.
 */
int lcm_nudge_outbox(const char *dir, const char *name, const char *msg,
		     size_t len, struct lcm_err *err);

/*
 * Appends msg to the mbox at path (created 0600 if missing): a "From "
 * line (sender and ctime of date), the message with lines starting
 * "From " or ">From " quoted by one more '>' (mboxrd), a blank line;
 * then synced. 0, or -1 with err.
 */
int lcm_nudge_mbox(const char *path, const char *sender, long long date,
		   const char *msg, size_t len, struct lcm_err *err);

/*
 * Pipes msg to cmd through /bin/sh (lcm-nudge passes $LCM_SENDMAIL, else
 * "sendmail -t -oi"). 0 when cmd read it and exited 0; -1 with err
 * ("'sendmail -t -oi' exited with status 75") otherwise. The caller
 * ignores SIGPIPE, so a command that dies early is an error, not a kill.
 */
int lcm_nudge_sendmail(const char *cmd, const char *msg, size_t len,
		       struct lcm_err *err);

#endif
