# The app's production image (docs/deploy.md). It follows Shopify's Remix app template (Node on a small
# base image, `npm ci --omit=dev`, `npm run build`, `CMD npm run docker-start`) with four changes:
# - Two stages. The build needs development dependencies (Vite, tsx, esbuild), the image does not: the
#   template's single `npm ci --omit=dev` followed by `npm run build` fails here because Vite is a
#   development dependency.
# - prisma/, prisma.config.ts and the two app files it imports are copied before `npm ci`: its postinstall
#   runs `prisma generate` for both schemas (SQLite and PostgreSQL), which needs them.
# - node:20-slim (glibc) rather than alpine: better-sqlite3 then installs its prebuilt binary, no compiler.
# - The command runs `npm run setup` then execs the server itself (below: signals).
# One image, two process types: the web (default command) and the worker (`npm run worker:start`).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY app/database-url.ts app/db-postgres.server.ts ./app/
RUN npm ci
COPY . .
RUN npm run build && npm run build:worker

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
ENV PORT=3000
EXPOSE 3000
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY app/database-url.ts app/db-postgres.server.ts ./app/
RUN npm ci --omit=dev && npm cache clean --force
COPY server.js ./
COPY public ./public
COPY --from=build /app/build ./build
# The template's `npm run docker-start` (migrations, then the server), with the server exec'd: npm hands
# SIGTERM to the shell running `npm run setup && npm run start`, and that shell (dash) dies without passing
# it on (checked: `sh -c "true && node …"` exits 143, node never sees the signal), so the graceful shutdown
# (server.js) would never start and the platform would SIGKILL mid-request. Docker's default grace period (10 s) is shorter than
# SHUTDOWN_TIMEOUT_MS (25 s): stop with `docker stop -t 30` or the platform's equivalent.
# The worker process type runs the same image: `node build/worker/index.js` (what `npm run worker:start` runs).
CMD ["sh", "-c", "npm run setup && exec node ./server.js ./build/server/index.js"]
