/*
 * chat.h - the readers of the places communities talk beside the LMS
 * (issue 21): a Slack workspace export (a directory) and a
 * StackExchange data dump (its XML files). They read more than one
 * record shape, so the driver (import.c) calls them itself rather than
 * through a format's row or json callback.
 */
#ifndef LCM_INPUT_CHAT_H
#define LCM_INPUT_CHAT_H

#include <stdio.h>

#include "input/input.h"

extern const struct lcm_input_format lcm_fmt_stackexchange;
extern const struct lcm_input_format lcm_fmt_slack;
/* DiscordChatExporter JSON: a JSON format (its json callback). */
extern const struct lcm_input_format lcm_fmt_discord;
/* Discourse topic JSON (json callback) and the admin user list CSV (rows). */
extern const struct lcm_input_format lcm_fmt_discourse;
extern const struct lcm_input_format lcm_fmt_discourse_users;
/* Microsoft Graph chatMessage JSON (json callback). */
extern const struct lcm_input_format lcm_fmt_teams;

/*
 * Reads one file of a StackExchange data dump from fp (Posts.xml,
 * Users.xml, Comments.xml; Votes.xml, PostLinks.xml, Tags.xml,
 * Badges.xml and PostHistory.xml are read and left), streamed with
 * expat: memory stays the same whatever the file's size. The site (the
 * course and forum of its questions) is --course, else the name of the
 * file's directory. 0, or -1 with err filled and located (file:line).
 */
int lcm_import_stackexchange(struct lcm_import *im, FILE *fp, struct lcm_err *err);

/* 1 when dir holds a Slack workspace export (channels.json, users.json). */
int lcm_slack_is_export(const char *dir);

/* 1 when path is a regular file holding a zip archive (PK\3\4). */
int lcm_slack_is_zip(const char *path);

/*
 * Reads the Slack workspace export dir, a directory or the .zip as
 * downloaded: users.json, then channels.json (and groups, mpims, dms),
 * then each channel's day files in name order. Messages are located by
 * the day file they are in (err->file is that file, "x.zip:member" in
 * a .zip). 0, or -1 with err filled and located.
 */
int lcm_import_slack(struct lcm_import *im, const char *dir, struct lcm_err *err);

#endif
