#!/usr/bin/env node
// Re-extracts Shopify's Admin GraphQL introspection schema from the @shopify/dev-mcp npm package into
// tests/fixtures/ (committed, gzipped), and unpacks it where the codegen preset looks for a local schema
// (app/types/admin-<version>.schema.json, gitignored) so `npm run graphql-codegen` runs offline.
//
//   node dev/scripts/vendor-admin-schema.mjs              # download (npm pack), verify, extract, unpack
//   node dev/scripts/vendor-admin-schema.mjs --unpack-only  # only gunzip the committed fixture for codegen
//
// The API version is app/shopify/api-version.ts's (read by ./admin-api-version.mjs). To move to another
// version or package release, change it there and the package constants below, then re-run; the tarball's
// integrity is checked against the pinned value so a registry surprise fails loudly.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { readAdminApiVersion } from "./admin-api-version.mjs";

const API_VERSION = readAdminApiVersion();
const PACKAGE = "@shopify/dev-mcp";
const PACKAGE_VERSION = "1.16.0";
const PACKAGE_INTEGRITY =
  "sha512-tqgRnK7sQhjew+htxtleTH23nXB5fZcsrhWgEkomsorGXvLOB2mh2upwZm8uzuTDNTZnqtLMe64yIwh6s2awtw==";
const PATH_IN_TARBALL = `package/dist/data/admin_${API_VERSION}.json.gz`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const fixture = join(root, "tests/fixtures", `admin-${API_VERSION}.schema.json.gz`);
const codegenSchema = join(root, "app/types", `admin-${API_VERSION}.schema.json`);

/** Finds one regular file in an uncompressed tar archive (ustar headers; prefix + name). */
function extractFromTar(tar, wanted) {
  let offset = 0;
  let longName = null;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const str = (start, len) => header.subarray(start, start + len).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(str(124, 12).trim() || "0", 8);
    const type = str(156, 1) || "0";
    const prefix = str(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${str(0, 100)}` : str(0, 100));
    longName = null;
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === "L") {
      longName = body.toString("utf8").replace(/\0.*$/s, "");
      continue;
    }
    if (type === "x") {
      const path = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"));
      if (path) longName = path[1];
      continue;
    }
    if ((type === "0" || type === "\0") && name === wanted) return Buffer.from(body);
  }
  return null;
}

function unpackForCodegen() {
  if (!existsSync(fixture)) {
    throw new Error(`${fixture} is missing: run "npm run schema:vendor" first`);
  }
  const json = gunzipSync(readFileSync(fixture));
  JSON.parse(json.toString("utf8")); // fail here, not inside codegen, if the fixture is corrupt
  mkdirSync(dirname(codegenSchema), { recursive: true });
  writeFileSync(codegenSchema, json);
  console.log(`unpacked ${relative(codegenSchema)} (${(json.length / 1e6).toFixed(1)} MB, gitignored)`);
}

function relative(p) {
  return p.startsWith(root) ? p.slice(root.length + 1) : p;
}

function vendor() {
  const dir = mkdtempSync(join(tmpdir(), "vendor-admin-schema-"));
  try {
    const out = execFileSync("npm", ["pack", `${PACKAGE}@${PACKAGE_VERSION}`, "--json", "--pack-destination", dir], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [info] = JSON.parse(out);
    const tgz = readFileSync(join(dir, info.filename));
    const integrity = `sha512-${createHash("sha512").update(tgz).digest("base64")}`;
    if (integrity !== PACKAGE_INTEGRITY) {
      throw new Error(`${PACKAGE}@${PACKAGE_VERSION} integrity mismatch: got ${integrity}`);
    }
    const gz = extractFromTar(gunzipSync(tgz), PATH_IN_TARBALL);
    if (!gz) throw new Error(`${PATH_IN_TARBALL} not found in ${info.filename}`);
    const parsed = JSON.parse(gunzipSync(gz).toString("utf8"));
    const schema = parsed.data?.__schema ?? parsed.__schema;
    if (!schema?.queryType) throw new Error(`${PATH_IN_TARBALL} is not an introspection result`);
    mkdirSync(dirname(fixture), { recursive: true });
    writeFileSync(fixture, gz);
    const sha256 = createHash("sha256").update(gz).digest("hex");
    console.log(
      `vendored ${relative(fixture)} from ${PACKAGE}@${PACKAGE_VERSION} ` +
        `(${(gz.length / 1e6).toFixed(2)} MB, ${schema.types.length} types, sha256 ${sha256})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.argv.includes("--unpack-only")) vendor();
unpackForCodegen();
