# syntax=docker/dockerfile:1
# One image for every process of the platform (the four subgraphs and the gateway); docker-compose.yml gives each
# service its command. Node 22: the current LTS line; the pinned packages run on Node 20 to 24, and 20 is past its
# end of life.
ARG NODE_IMAGE=node:22-bookworm-slim

# Production dependencies only. --ignore-scripts: the `prepare` script would bundle the services before their
# sources are in the image; the build stage does that, and nothing in the dependency set needs an install script.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# The esbuild bundles scripts/build-services.ts makes (.build/<service>.mjs). They find schema files and migrations
# through their source files' paths, so they are built and run under the same /app.
FROM deps AS build
COPY . .
RUN npx tsx scripts/build-services.ts

FROM ${NODE_IMAGE} AS runtime
# pg_dump and pg_restore for `npm run backup` / `npm run restore` run inside the stack; Debian 12's client is
# PostgreSQL 15, as the compose file's server.
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    APOLLO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/.build ./.build
# The rest of the sources: what the bundles read at run time (schema.graphql files, drizzle migrations, the
# supergraph, hub.yaml) and the operator scripts (npm run backup, restore, token). Owned by root: read-only to the
# service. Only the directories a process may write are the non-root user's.
COPY . .
RUN mkdir -p backups .data node_modules/.cache && chown node:node backups .data node_modules/.cache
USER node
EXPOSE 4000 4001 4002 4003 4004
CMD ["node", "--max-semi-space-size=32", ".build/gateway.mjs"]
