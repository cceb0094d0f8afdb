# Shared settings of the local services (sourced by the other scripts).
LOCAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_STATE="${AUTHZ_LOCAL_STATE:-$LOCAL_ROOT/.local}"
PGPORT="${AUTHZ_PGPORT:-55432}"
PGDATA_DIR="$LOCAL_STATE/postgres/data"
PG_URL_BASE="postgres://authz:authz@127.0.0.1:$PGPORT"
KAFKA_PORT="${AUTHZ_KAFKA_PORT:-59092}"
KAFKA_CONTROLLER_PORT="${AUTHZ_KAFKA_CONTROLLER_PORT:-59093}"
