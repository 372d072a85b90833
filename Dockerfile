# Hashrate Atlas: the game server image (issue #15 §2). Three stages: the build (dev dependencies, the
# client bundle and the server bundle), the production dependencies alone, and the runtime, which holds
# only those dependencies and dist/ and runs as the unprivileged `node` user.
# tests/server/deploy-build.test.ts runs this file's npm commands without Docker, word for word.
# Build: docker build -t hashrate-atlas .   Run: docker run -p 2567:2567 -v atlas-data:/data hashrate-atlas

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# No lifecycle scripts: the production dependencies ship prebuilt binaries (libsql) or fall back (msgpackr).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=2567 \
    HOST=0.0.0.0 \
    DATABASE_URL=file:/data/hashrate-atlas.db \
    BACKUP_DIR=/data/backups
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# npm start and npm run db:backup/db:restore run this check first (it finds dist/ as built and says nothing).
COPY tools/build-check.mjs ./tools/
# The embedded database lives in a volume the node user owns; the code stays root's, read-only to it.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 2567
# Alive: the process answers HTTP. (Readiness, /ready, is for the load balancer: see compose.yaml.)
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||2567)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Colyseus turns SIGTERM into a graceful shutdown: rooms disposed, the store's queued writes landed.
STOPSIGNAL SIGTERM
CMD ["node", "dist/server/main.js"]
