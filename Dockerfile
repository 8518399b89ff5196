# IOP Companion: the bot as a container. Build: docker build -t iop-companion .
# No secret is baked in: IOP_BOT_TOKEN and IOP_DATA_KEY come from the environment (or *_FILE secrets) at run
# time. Patient data lives in the /data volume; a clinic's settings.toml and program data copies in the
# /app/config mount (read-only). See README "Installing and deploying".

FROM python:3.11-slim-bookworm AS build
WORKDIR /src
# Dependencies first, from the hashed lock only, so this layer is reused until the lock changes.
COPY requirements/app.lock requirements/app.lock
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --require-hashes -r requirements/app.lock
COPY pyproject.toml setup.py README.md ./
COPY bot bot
# The build's identity (`iop-bot --version`, `doctor --live`): its time always; its commit when given, as
# there is no .git here: docker build --build-arg IOP_BUILD_COMMIT=$(git rev-parse --short=12 HEAD) .
ARG IOP_BUILD_COMMIT=""
RUN /opt/venv/bin/pip install --no-cache-dir --no-deps . \
 && /opt/venv/bin/iop-bot --version

FROM python:3.11-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    IOP_DATA_DIR=/data \
    MPLCONFIGDIR=/tmp/matplotlib
# A fixed, unprivileged uid that owns only the data dir (mode 700: patient data is readable by no one else);
# no home, and matplotlib's cache in /tmp, so nothing but patient data is ever written to the volume.
RUN groupadd --system --gid 10001 iop \
 && useradd --system --uid 10001 --gid iop --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin iop \
 && mkdir -p /data /app/config \
 && chown iop:iop /data \
 && chmod 700 /data
COPY --from=build /opt/venv /opt/venv
COPY deploy/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
USER 10001:10001
WORKDIR /app
VOLUME ["/data"]
# Only used in webhook mode (iop-bot run --webhook URL --listen 0.0.0.0:8443); polling needs no port.
EXPOSE 8443
# Asks the running bot over its control socket: can it reach its store, and did the Bot API answer lately?
HEALTHCHECK --interval=60s --timeout=60s --start-period=60s --retries=3 CMD ["iop-bot", "doctor", "--live"]
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["run"]
