# The API image: compiled TypeScript, production dependencies, the case files and the Cypher.
# Node 22 LTS: Node 20 reached end of life on 2026-04-30, and some dependencies need 22.15 or later.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json tsconfig.runtime.json ./
COPY src ./src
COPY web ./web
# only what runs in the image: the server, the seed command and what they import (not bench/ or dev tools)
RUN npm run build:runtime

FROM node:22-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/index.html /app/web/explorer.css ./web/
COPY --from=build /app/web/dist ./web/dist
COPY cypher ./cypher
COPY data ./data
COPY schema ./schema
USER node
EXPOSE 4000
# a larger young generation: answers are many short-lived objects, and collecting them was a fifth
# of the CPU on large lists (docs/BENCHMARKS.md); it costs up to about 200 MB more at peak. No
# allocation-site pretenuring: V8 would put every row the Neo4j driver decodes in the old
# generation, where collecting them cost 4 to 9% of the CPU per request (scripts/bench/settings.ts)
CMD ["node", "--max-semi-space-size=64", "--no-allocation-site-pretenuring", "dist/cli/serve.js"]
