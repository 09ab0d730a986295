/*
 * versions.c - the libraries' versions of --version (see versions.h).
 */
#include "versions.h"

#include <stdio.h>
#include <string.h>

#include <csv.h>
#include <expat.h>
#include <jansson.h>
#include <sqlite3.h>
#include <zip.h>
#include <zlib.h>

int
lcm_print_versions(const struct lcm_cli *cli)
{
	const XML_LChar *expat = XML_ExpatVersion();

	lcm_cli_print_version(cli);
	/* "expat_2.5.0": the number only */
	if (strncmp(expat, "expat_", 6) == 0)
		expat += 6;
	printf("libraries: SQLite %s, Jansson %s, libcsv %d.%d.%d, zlib %s, expat %s,"
	       " libzip %s\n", sqlite3_libversion(), jansson_version_str(), CSV_MAJOR,
	       CSV_MINOR, CSV_RELEASE, zlibVersion(), expat, zip_libzip_version());
	return LCM_EXIT_OK;
}
