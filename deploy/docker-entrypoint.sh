#!/bin/sh
# The container's entrypoint: secrets from the environment or from files (Docker/Kubernetes secrets), a data
# dir this user can write, then `exec iop-bot ARGS` (default: run), so the bot is PID 1 and gets SIGTERM.
# The clinic's settings need nothing here: the working directory is /app, and /app/config is its mount.
set -eu

# IOP_BOT_TOKEN_FILE=/run/secrets/token reads the secret from that file; setting both is a mistake we refuse,
# since which one wins would be a guess.
for name in IOP_BOT_TOKEN IOP_DATA_KEY IOP_WEBHOOK_SECRET; do
  file=$(printenv "${name}_FILE" || true)
  [ -n "$file" ] || continue
  if [ -n "$(printenv "$name" || true)" ]; then
    echo "docker-entrypoint: both $name and ${name}_FILE are set; set only one" >&2
    exit 2
  fi
  if [ ! -r "$file" ]; then
    echo "docker-entrypoint: ${name}_FILE=$file is not a readable file" >&2
    exit 2
  fi
  value=$(cat "$file")
  export "$name=$value"
  unset "${name}_FILE"
done

data_dir=${IOP_DATA_DIR:-/data}
if [ ! -w "$data_dir" ]; then
  echo "docker-entrypoint: the data dir $data_dir is not writable by uid $(id -u); mount a volume there owned by it" >&2
  exit 2
fi

[ "$#" -gt 0 ] || set -- run
exec iop-bot "$@"
