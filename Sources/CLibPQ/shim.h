// libpq, PostgreSQL's own client library: connection strings, PGPASSWORD, ~/.pgpass and sslmode
// behave exactly as they do for psql.
#ifndef ONROLL_CLIBPQ_SHIM_H
#define ONROLL_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
