"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// nodes/UmailTrigger/UmailTrigger.node.ts
var UmailTrigger_node_exports = {};
__export(UmailTrigger_node_exports, {
  UmailTrigger: () => UmailTrigger
});
module.exports = __toCommonJS(UmailTrigger_node_exports);
var import_n8n_workflow4 = require("n8n-workflow");

// nodes/Umail/shared/answers.ts
var import_fast_xml_parser = require("fast-xml-parser");

// nodes/Umail/shared/codes.ts
var CODE_TABLES = {
  sendStatus: {
    "0": "waiting to send",
    "1": "waiting to start",
    "2": "sending",
    "3": "completed",
    "4": "stopped",
    "-1": "not sending yet",
    "-2": "paused",
    "-3": "cancelled",
    "-4": "send error",
    "-5": "waiting for import to start"
  },
  verifyStatus: { "0": "pending review", "1": "approved", "2": "rejected" },
  trackStatus: { "0": "none", "1": "opens", "2": "opens and clicks" },
  failureType: {
    "1": "mailbox does not exist",
    "2": "mailbox full",
    "3": "user rejected",
    "4": "spam content",
    "5": "delivery refused",
    "6": "recipient blacklisted",
    "7": "complaint address",
    "8": "invalid address",
    "9": "format error",
    "10": "connection error"
  },
  templateCheck: { "-1": "checking", "0": "rejected", "1": "passed" },
  sizeStatus: { "-1": "measuring", "1": "measured" },
  importLogStatus: { "1": "success", "-1": "failed", "-2": "failed", "-3": "failed" },
  domainCheck: {
    "3": "added and verified",
    "2": "added, not verified",
    "1": "not added, verified",
    "0": "not added, not verified"
  },
  addressListType: { "0": "contact list", "1": "subscription list" },
  mailboxStatus: { "1": "enabled", "0": "disabled" }
};
function labelOf(table, code) {
  if (code === void 0 || code === null || code === "") return void 0;
  return CODE_TABLES[table][String(code)];
}
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function codeOptions(table, extra = []) {
  const options = Object.entries(CODE_TABLES[table]).map(([value, name]) => ({
    name: `${capitalize(name)} (${value})`,
    value
  }));
  return [...extra, ...options].sort((a, b) => a.name.localeCompare(b.name));
}

// nodes/Umail/shared/answers.ts
var TAG_TYPOS = [
  [/(<rebate>[^<]*)<\/rebtae>/g, "$1</rebate>"],
  [/(<send_id>[^<]*)<\/task_sn>/g, "$1</send_id>"],
  [/(<maillist>[\s\S]*?)<\/aillist>/g, "$1</maillist>"]
];
var FIELD_RENAMES = {
  brithday: "birthday",
  send_satus: "send_status",
  send_qty_remak: "send_qty_remark",
  rebtae: "rebate"
};
var AnswerFormatError = class extends Error {
  constructor(message, snippet) {
    super(message);
    this.snippet = snippet;
  }
  snippet;
};
var CDATA = "#cdata";
function makeParser(lists) {
  return new import_fast_xml_parser.XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // ids, phone numbers and batch numbers such as 20120302-362-F9B1E5 must stay strings
    parseTagValue: false,
    trimValues: true,
    // no DOCTYPE entity expansion; the five predefined entities are decoded below
    processEntities: false,
    cdataPropName: CDATA,
    tagValueProcessor: (_name, value) => decodePredefinedEntities(value),
    jPath: true,
    isArray: (_name, jPath) => lists.has(String(jPath))
  });
}
var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decodePredefinedEntities(value) {
  if (!value.includes("&")) return value;
  return value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, name) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}
var parsers = /* @__PURE__ */ new Map();
function parserFor(lists) {
  const key = lists.join("|");
  let parser = parsers.get(key);
  if (!parser) {
    parser = makeParser(new Set(lists));
    parsers.set(key, parser);
  }
  return parser;
}
function snippetOf(text, length = 120) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length)}\u2026` : flat;
}
function looksLikeHtml(text) {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}
function rootName(text) {
  const match = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*<([A-Za-z_][\w.-]*)/.exec(text);
  return match?.[1];
}
function isComplete(text, root) {
  const tail = text.trimEnd();
  if (tail.endsWith(`</${root}>`)) return true;
  return new RegExp(`^(?:\\s|<\\?[\\s\\S]*?\\?>)*<${root}\\s*/>$`).test(tail);
}
function normalize(value) {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== "object") return value;
  const object = value;
  const keys = Object.keys(object);
  if (keys.length === 1 && keys[0] === CDATA) return String(object[CDATA]).trim();
  const out = {};
  for (const key of keys) {
    if (key === CDATA || key === "#text") continue;
    out[FIELD_RENAMES[key] ?? key] = normalize(object[key]);
  }
  if (CDATA in object || "#text" in object) {
    out.text = [object["#text"], object[CDATA]].filter((part) => part !== void 0).join("").trim();
  }
  return out;
}
function ensureLists(root, lists) {
  for (const path of lists) {
    const parts = path.split(".").map((part) => FIELD_RENAMES[part] ?? part);
    let holders = [root];
    for (let i = 0; i < parts.length - 1; i++) {
      const next = [];
      for (const holder of holders) {
        let child = holder[parts[i]];
        if (child === "" || child === void 0) {
          if (i < parts.length - 2) continue;
          child = {};
          holder[parts[i]] = child;
        }
        for (const entry of Array.isArray(child) ? child : [child]) {
          if (entry && typeof entry === "object") next.push(entry);
        }
      }
      holders = next;
    }
    const last = parts[parts.length - 1];
    for (const holder of holders) {
      const current = holder[last];
      if (current === void 0 || current === "") holder[last] = [];
      else if (!Array.isArray(current)) holder[last] = [current];
    }
  }
}
function decodeXml(text, lists = [], emptyOk = false) {
  if (emptyOk && /^\s*(<\?xml[^>]*\?>)?\s*$/.test(text)) {
    const empty = {};
    ensureLists(empty, lists);
    return empty;
  }
  if (text.trim() === "") throw new AnswerFormatError("The server sent an empty answer where XML was expected", "");
  if (looksLikeHtml(text)) {
    throw new AnswerFormatError("The server sent an HTML page where XML was expected", snippetOf(text));
  }
  let repaired = text;
  for (const [typo, fix] of TAG_TYPOS) repaired = repaired.replace(typo, fix);
  const root = rootName(repaired);
  if (!root) throw new AnswerFormatError("The server sent something that is not XML", snippetOf(text));
  if (!isComplete(repaired, root)) {
    throw new AnswerFormatError("The server sent a truncated XML answer", snippetOf(text));
  }
  let parsed;
  let failure;
  try {
    parsed = parserFor(lists).parse(repaired);
  } catch (error) {
    failure = error.message.split("\n")[0];
  }
  if (failure !== void 0) {
    throw new AnswerFormatError(`The server sent XML that cannot be read (${failure})`, snippetOf(text));
  }
  const result = normalize(parsed);
  if (result[root] === "") result[root] = {};
  ensureLists(result, lists);
  return result;
}
var BOM = /^\uFEFF/;
function decodeJson(raw) {
  const text = raw.replace(BOM, "");
  if (text.trim() === "") throw new AnswerFormatError("The server sent an empty answer where JSON was expected", "");
  if (looksLikeHtml(text)) {
    throw new AnswerFormatError("The server sent an HTML page where JSON was expected", snippetOf(text));
  }
  let parsed;
  let ok = true;
  try {
    parsed = JSON.parse(text);
  } catch {
    ok = false;
  }
  if (!ok) throw new AnswerFormatError("The server sent JSON that cannot be read", snippetOf(text));
  return parsed;
}
function decodeLines(raw) {
  const text = raw.replace(BOM, "");
  if (looksLikeHtml(text)) {
    throw new AnswerFormatError("The server sent an HTML page where a text export was expected", snippetOf(text));
  }
  return text.split(/\r?\n/).filter((line) => line.trim() !== "");
}
function pick(answer, path) {
  if (!path) return answer;
  let current = answer;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[FIELD_RENAMES[part] ?? part];
  }
  return current;
}

// nodes/Umail/shared/outputs.ts
function listAt(body, path) {
  const value = pick(body, path);
  if (value === void 0 || value === "" || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((entry) => entry && typeof entry === "object");
}
function objectAt(body, path) {
  const value = pick(body, path);
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

// nodes/Umail/shared/transport.ts
var import_n8n_workflow2 = require("n8n-workflow");

// nodes/Umail/shared/stream.ts
var StreamFallback = class extends Error {
};
var streamSettings = { chunkChars: 16 * 1024 };
var WRAPPER = "umail-records";
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function insideMarkup(text, pos) {
  for (const [open, close] of [
    ["<![CDATA[", "]]>"],
    ["<!--", "-->"]
  ]) {
    const start = text.lastIndexOf(open, pos);
    if (start === -1) continue;
    const end = text.indexOf(close, start + open.length);
    if (end === -1 || end + close.length > pos) return start;
  }
  return -1;
}
function cutAt(text, close, limit) {
  for (let at = text.lastIndexOf(close, limit - close.length); at !== -1; ) {
    const markup = insideMarkup(text, at);
    if (markup === -1) return at + close.length;
    at = markup === 0 ? -1 : text.lastIndexOf(close, markup - 1);
  }
  for (let at = text.indexOf(close, limit - close.length + 1); at !== -1; at = text.indexOf(close, at + 1)) {
    if (insideMarkup(text, at) === -1) return at + close.length;
  }
  return -1;
}
function count(text, needle) {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}
var RecordDecoder = class {
  constructor(path, lists) {
    this.path = path;
    this.lists = lists;
    const parts = path.split(".");
    if (parts.length < 2) throw new StreamFallback(`record path "${path}" has no parent element`);
    this.tag = parts[parts.length - 1];
    this.close = `</${this.tag}>`;
    const name = escapeRegExp(this.tag);
    this.opening = new RegExp(`<${name}[\\s>/]`);
    this.startsWithRecord = new RegExp(`^\\s*<${name}[\\s>/]`);
    this.selfClosing = new RegExp(`<${name}\\s*/>`, "g");
    this.leadingEmpty = new RegExp(`^(?:\\s*<${name}\\s*/>)+`);
    const inner = lists.filter((list) => list.startsWith(`${path}.`)).map((list) => `${WRAPPER}.${this.tag}${list.slice(path.length)}`);
    this.chunkLists = [`${WRAPPER}.${this.tag}`, ...inner];
  }
  path;
  lists;
  tag;
  close;
  opening;
  startsWithRecord;
  selfClosing;
  /** self-closing records, which have no closing tag to cut after, at the start of what is left */
  leadingEmpty;
  chunkLists;
  records = [];
  /** Decodes a run of whole records (and only records). */
  add(chunk) {
    if (!this.startsWithRecord.test(chunk)) throw new StreamFallback("something other than a record between records");
    const decoded = decodeXml(`<${WRAPPER}>${chunk}</${WRAPPER}>`, this.chunkLists)[WRAPPER];
    const keys = Object.keys(decoded);
    if (keys.length !== 1 || keys[0] !== this.tag) throw new StreamFallback("other elements between records");
    const records = decoded[this.tag];
    const expected = count(chunk, this.close) + (chunk.match(this.selfClosing)?.length ?? 0);
    if (records.length !== expected) throw new StreamFallback("a record tag inside a record, or inside text");
    for (const record of records) this.records.push(record);
  }
  /** The document without its records, with one empty record where they were: must place it at the record path. */
  finish(head, tail, emptyOk) {
    const skeleton = decodeXml(`${head}<${this.tag}></${this.tag}>${tail}`, this.lists, emptyOk);
    const placeholder = pick(skeleton, this.path);
    if (!Array.isArray(placeholder) || placeholder.length !== 1) throw new StreamFallback("records found outside the record path");
    const parent = pick(skeleton, this.path.slice(0, this.path.lastIndexOf(".")));
    parent[Object.keys(parent).find((key) => parent[key] === placeholder) ?? this.tag] = this.records;
    return skeleton;
  }
};
async function decodeXmlStream(body, spec, lists = [], emptyOk = false) {
  const decoder = new RecordDecoder(spec.records, lists.includes(spec.records) ? lists : [...lists, spec.records]);
  const text = new TextDecoder("utf-8");
  let head;
  let pending = "";
  let whole = false;
  const take = (final) => {
    if (head === void 0) {
      const first = decoder.opening.exec(pending);
      if (!first) return;
      if (looksLikeHtml(pending)) {
        whole = true;
        return;
      }
      head = pending.slice(0, first.index);
      pending = pending.slice(first.index);
    }
    while (pending.length >= streamSettings.chunkChars || final && pending.length > 0) {
      const cut = cutAt(pending, decoder.close, Math.min(streamSettings.chunkChars, pending.length));
      if (cut === -1) return;
      decoder.add(pending.slice(0, cut));
      pending = pending.slice(cut);
    }
  };
  for await (const piece of body) {
    pending += typeof piece === "string" ? piece : text.decode(piece, { stream: true });
    if (!whole) take(false);
  }
  pending += text.decode();
  if (whole) return decodeXml(pending, lists, emptyOk);
  take(true);
  if (head === void 0) return decodeXml(pending, lists, emptyOk);
  const trailing = decoder.leadingEmpty.exec(pending);
  if (trailing) {
    decoder.add(trailing[0]);
    pending = pending.slice(trailing[0].length);
  }
  if (decoder.opening.test(pending)) {
    decodeXml(`${head}${pending}`, lists, emptyOk);
    throw new StreamFallback("a record after the other fields");
  }
  return decoder.finish(head, pending, emptyOk);
}
async function decodeStreamed(body, spec, request) {
  return await decodeXmlStream(body, spec, request.lists, request.emptyOk).then(
    (decoded) => ({ decoded }),
    async (error) => {
      if (error instanceof AnswerFormatError) return { problem: error };
      if (!(error instanceof StreamFallback)) return await Promise.reject(error);
      body.destroy?.();
      return { fallback: true };
    }
  );
}
async function readStream(body) {
  const parts = [];
  for await (const piece of body) parts.push(typeof piece === "string" ? Buffer.from(piece, "utf8") : Buffer.from(piece));
  return Buffer.concat(parts);
}
function isStream(body) {
  return typeof body?.[Symbol.asyncIterator] === "function" && !Buffer.isBuffer(body);
}

// nodes/Umail/shared/errors.ts
var import_n8n_workflow = require("n8n-workflow");
var STATUS_HELP = {
  add_maillist_error: "The contact list could not be created or changed",
  domain_cname_error: "The tracking domain's CNAME record does not point to count.bestedm.net",
  domains_param_error: "The domains parameter is missing or malformed",
  not_exist: "The requested record does not exist",
  no_complete: "The file import is still being parsed",
  error: "The server refused a parameter",
  auth_error: "Authentication failed: check the username and password of the U-Mail API credential"
};
var AUTH_HINT = "Authentication failed: check the username and password of the U-Mail API credential";
function scrub(text, secrets = []) {
  let clean2 = text.replace(/(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._-]+/gi, "$1$2 ***");
  clean2 = clean2.replace(/\b(basic)\s+[A-Za-z0-9+/]{8,}={0,2}/gi, "$1 ***");
  for (const secret of secrets) {
    if (secret && secret.length >= 3) clean2 = clean2.split(secret).join("***");
    if (secret) {
      const encoded = Buffer.from(secret).toString("base64");
      if (encoded.length >= 4) clean2 = clean2.split(encoded).join("***");
    }
  }
  return clean2;
}
function apiError(node, facts, message, description, extra = {}) {
  const secrets = facts.secrets ?? [];
  const safeMessage = scrub(message, secrets);
  const safeDescription = scrub(description, secrets);
  const response = { message: safeMessage, description: safeDescription, ...extra };
  return new import_n8n_workflow.NodeApiError(node, response, {
    message: safeMessage,
    description: safeDescription,
    itemIndex: facts.itemIndex,
    httpCode: typeof extra.httpCode === "string" ? extra.httpCode : void 0
  });
}
function isAuthStatus(status) {
  return /auth|login|passw|user_?name|permission|forbidden|unauthori[sz]ed/i.test(status);
}
function statusError(node, facts, status, data) {
  const help = STATUS_HELP[status] ?? (isAuthStatus(status) ? AUTH_HINT : void 0);
  const message = `U-Mail refused ${facts.operation}: ${status}${data ? ` (${data})` : ""}`;
  const description = [help, data && `Server message: ${data}`].filter(Boolean).join(". ");
  return apiError(node, facts, message, description, { status, data: scrub(data, facts.secrets) });
}
function httpStatusError(node, facts, statusCode, snippet) {
  if (statusCode === 401 || statusCode === 403) {
    return apiError(node, facts, `${AUTH_HINT} (HTTP ${statusCode})`, snippet ? `The server answered: ${snippet}` : "", {
      httpCode: String(statusCode)
    });
  }
  const kind = statusCode >= 500 ? "a server error" : "an error";
  return apiError(
    node,
    facts,
    `U-Mail answered ${facts.operation} with ${kind}: HTTP ${statusCode}`,
    snippet ? `The server answered: ${snippet}` : "The answer was empty",
    { httpCode: String(statusCode) }
  );
}
function formatError(node, facts, problem, snippet) {
  return apiError(
    node,
    facts,
    `${problem} (${facts.operation})`,
    snippet ? `It began: ${snippet}` : "The answer was empty"
  );
}
var NETWORK_WORDS = {
  ECONNRESET: "the connection was reset by the server",
  ECONNREFUSED: "the connection was refused: check the API Base URL of the credential",
  ENOTFOUND: "the host name could not be resolved: check the API Base URL of the credential",
  EAI_AGAIN: "the host name could not be resolved: check the API Base URL of the credential",
  ETIMEDOUT: "the request timed out",
  ECONNABORTED: "the request timed out",
  ESOCKETTIMEDOUT: "the request timed out",
  EPIPE: "the connection was closed by the server",
  CERT_HAS_EXPIRED: "the server's SSL certificate has expired (see Ignore SSL Issues in the credential)",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's SSL certificate is self-signed (see Ignore SSL Issues in the credential)",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's SSL certificate cannot be verified (see Ignore SSL Issues in the credential)"
};
function networkCode(error) {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current;
    if (typeof candidate.code === "string" && /^[A-Z_]+$/.test(candidate.code)) return candidate.code;
    if (typeof candidate.message === "string") {
      if (/timeout|timed out/i.test(candidate.message)) return "ETIMEDOUT";
      if (/socket hang up/i.test(candidate.message)) return "ECONNRESET";
    }
    current = candidate.cause;
  }
  return void 0;
}
function networkError(node, facts, error) {
  const code = networkCode(error) ?? "UNKNOWN";
  const words = NETWORK_WORDS[code] ?? "the request failed before an answer came back";
  return apiError(node, facts, `U-Mail could not be reached for ${facts.operation}: ${words}`, `Error code: ${code}`, {
    // not `code` nor `errorCode`: NodeApiError would swap our message for its generic one for codes it knows
    networkCode: code
  });
}

// nodes/Umail/shared/transport.ts
var CREDENTIAL = "umailApi";
var SUCCESS = /* @__PURE__ */ new Set(["success", "success_and_check_ok"]);
var RETRYABLE_HTTP = /* @__PURE__ */ new Set([500, 502, 503, 504]);
var RETRYABLE_NETWORK = /* @__PURE__ */ new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "ESOCKETTIMEDOUT", "EAI_AGAIN"]);
var transportSettings = {
  timeoutMs: 6e4,
  readAttempts: 3,
  backoffMs: 400
};
function clean(values) {
  const out = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (value === void 0 || value === null || value === "") continue;
    out[key] = typeof value === "boolean" ? value ? "1" : "0" : String(value);
  }
  return out;
}
function toBuffer(body) {
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body === void 0 || body === null) return Buffer.alloc(0);
  return Buffer.from(JSON.stringify(body), "utf8");
}
function describe(request) {
  return request.do ? `${request.endpoint}?do=${request.do}` : request.endpoint;
}
function buildBody(request) {
  if (request.method !== "POST") return {};
  const fields = clean(request.form);
  if (request.files?.length) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    for (const file of request.files) {
      const blob = new Blob([new Uint8Array(file.data)], { type: file.mimeType ?? "application/octet-stream" });
      form.append(file.field, blob, file.fileName);
    }
    return { body: form };
  }
  return {
    body: new URLSearchParams(fields).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" }
  };
}
function checkResult(decoded, facts, okStatuses = []) {
  const result = decoded?.result;
  if (!result || typeof result !== "object" || !("status" in result)) return;
  const status = String(result.status ?? "");
  if (SUCCESS.has(status) || okStatuses.includes(status)) return;
  const data = typeof result.data === "string" ? result.data : result.data ? JSON.stringify(result.data) : "";
  throw statusError(this.getNode(), facts, status, data);
}
function decodeText(request, text, kind) {
  const isXml = kind === "xml" || /^\s*<\?xml|^\s*<result[\s>]/.test(text);
  if (isXml) return decodeXml(text, request.lists, request.emptyOk);
  if (kind === "json") return decodeJson(text);
  return decodeLines(text);
}
function decode(request, raw, facts) {
  const kind = request.answer ?? "xml";
  if (kind === "buffer") return raw;
  let decoded;
  let problem;
  try {
    decoded = decodeText(request, raw.toString("utf8"), kind);
  } catch (error) {
    if (!(error instanceof AnswerFormatError)) throw new import_n8n_workflow2.NodeApiError(this.getNode(), error);
    problem = error;
  }
  if (problem) throw formatError(this.getNode(), facts, problem.message, problem.snippet);
  checkResult.call(this, decoded, facts, request.okStatuses);
  return decoded;
}
async function umailRequest(request, itemIndex) {
  const credentials = await this.getCredentials(CREDENTIAL);
  const baseUrl = String(credentials.baseUrl ?? "").replace(/\/+$/, "");
  const facts = {
    itemIndex,
    operation: describe(request),
    secrets: [String(credentials.password ?? ""), `${credentials.username}:${credentials.password}`]
  };
  const method = request.method ?? "GET";
  const options = {
    method,
    url: `${baseUrl}/${request.endpoint}`,
    qs: clean({ do: request.do, ...request.qs }),
    ...buildBody(request),
    encoding: "arraybuffer",
    returnFullResponse: true,
    ignoreHttpStatusErrors: true,
    json: false,
    timeout: request.timeoutMs ?? transportSettings.timeoutMs,
    skipSslCertificateValidation: credentials.ignoreSslIssues === true
  };
  const attempts = method === "GET" ? transportSettings.readAttempts : 1;
  let streaming = request.stream !== void 0 && method === "GET" && (request.answer ?? "xml") === "xml";
  for (let attempt = 1; ; attempt++) {
    let response;
    let raw = Buffer.alloc(0);
    let streamed;
    try {
      response = await this.helpers.httpRequestWithAuthentication.call(
        this,
        CREDENTIAL,
        { ...options, encoding: streaming ? "stream" : "arraybuffer" }
      );
      if (isStream(response.body)) {
        const type = String(response.headers?.["content-type"] ?? "");
        if (response.statusCode < 400 && !/text\/html/i.test(type)) streamed = await decodeStreamed(response.body, request.stream, request);
        else raw = await readStream(response.body);
      } else raw = toBuffer(response.body);
    } catch (error) {
      const code = networkCode(error);
      if (attempt < attempts && code && RETRYABLE_NETWORK.has(code)) {
        await (0, import_n8n_workflow2.sleep)(transportSettings.backoffMs * 2 ** (attempt - 1));
        continue;
      }
      throw networkError(this.getNode(), facts, error);
    }
    if (streamed) {
      if (streamed.fallback) {
        streaming = false;
        attempt--;
        continue;
      }
      if (streamed.problem) throw formatError(this.getNode(), facts, streamed.problem.message, streamed.problem.snippet);
      checkResult.call(this, streamed.decoded, facts, request.okStatuses);
      return { body: streamed.decoded, contentType: String(response.headers?.["content-type"] ?? "") };
    }
    const statusCode = response.statusCode;
    if (statusCode >= 400) {
      if (attempt < attempts && RETRYABLE_HTTP.has(statusCode)) {
        await (0, import_n8n_workflow2.sleep)(transportSettings.backoffMs * 2 ** (attempt - 1));
        continue;
      }
      throw httpStatusError(this.getNode(), facts, statusCode, snippetOf(raw.subarray(0, 400).toString("utf8")));
    }
    const contentType = String(response.headers?.["content-type"] ?? "");
    if (request.answer !== "buffer" && /text\/html/i.test(contentType) && looksLikeHtml(raw.subarray(0, 200).toString("utf8"))) {
      throw formatError(
        this.getNode(),
        facts,
        "The server sent an HTML page instead of an API answer",
        snippetOf(raw.subarray(0, 400).toString("utf8"))
      );
    }
    return { body: decode.call(this, request, raw, facts), contentType };
  }
}

// nodes/Umail/methods/listSearch.ts
function matches(entry, filter) {
  if (!filter) return true;
  const needle = filter.toLowerCase();
  return entry.name.toLowerCase().includes(needle) || entry.value.toLowerCase().includes(needle);
}
async function search(request, path, toEntry, filter) {
  const answer = await umailRequest.call(this, request);
  const results = listAt(answer.body, path).map(toEntry).filter((entry) => matches(entry, filter));
  return { results };
}
var TASK_PAGE = 20;
var listSearch = {
  async searchContactLists(filter) {
    return await search.call(
      this,
      { endpoint: "mloperate.php", do: "maillist-list", lists: ["maillist.item"] },
      "maillist.item",
      (list) => ({ name: `${String(list.subject)} (${String(list.count ?? 0)})`, value: String(list.id) }),
      filter
    );
  },
  async searchTemplates(filter) {
    return await search.call(
      this,
      { endpoint: "template.php", do: "list-tpl", lists: ["template_list.template"] },
      "template_list.template",
      (template) => ({ name: String(template.name), value: String(template.id) }),
      filter
    );
  },
  /** Tasks come 20 a page at most (§6.1), so this one pages with n8n's pagination token. */
  async searchTasks(filter, paginationToken) {
    const page = Number(paginationToken ?? 1) || 1;
    const answer = await umailRequest.call(this, {
      endpoint: "task.php",
      do: "task-list",
      qs: { page, limit: TASK_PAGE },
      lists: ["task_list.task"]
    });
    const tasks = listAt(answer.body, "task_list.task");
    const results = tasks.map((task) => ({
      name: `${String(task.id)} \xB7 ${String(task.tpl_name ?? task.subject ?? task.sender_name ?? "")} \xB7 ${String(task.send_time ?? "")}`,
      value: String(task.id)
    })).filter((entry) => matches(entry, filter));
    return { results, paginationToken: tasks.length === TASK_PAGE ? String(page + 1) : void 0 };
  },
  async searchDomains(filter) {
    return await search.call(
      this,
      { endpoint: "bs.php", do: "domain-list", lists: ["domain_list.data"] },
      "domain_list.data",
      (domain) => ({
        name: String(domain.customer_id) === "0" ? `${String(domain.domain)} (system)` : String(domain.domain),
        value: String(domain.domain)
      }),
      filter
    );
  },
  async searchMailboxes(filter) {
    const domain = this.getCurrentNodeParameter("domain", { extractValue: true });
    if (!domain) return { results: [] };
    return await search.call(
      this,
      { endpoint: "bs.php", do: "mailbox-list", qs: { domain }, lists: ["mailbox_list.data"] },
      "mailbox_list.data",
      (mailbox) => ({ name: String(mailbox.mailbox), value: String(mailbox.mailbox) }),
      filter
    );
  },
  async searchTrackingDomains(filter) {
    return await search.call(
      this,
      { endpoint: "trackdomain.php", do: "overview", method: "POST", lists: ["track_domain"], emptyOk: true },
      "track_domain",
      (domain) => ({
        name: String(domain.isdefault) === "1" ? `${String(domain.domain)} (default)` : String(domain.domain),
        value: String(domain.domain)
      }),
      filter
    );
  }
};

// nodes/Umail/shared/fields.ts
function locator(options) {
  return {
    displayName: options.displayName,
    name: options.name,
    type: "resourceLocator",
    default: { mode: "list", value: "" },
    required: options.required ?? true,
    description: options.description,
    modes: [
      {
        displayName: "From List",
        name: "list",
        type: "list",
        placeholder: `Select a ${options.displayName.replace(/ ID$/, "").toLowerCase()}...`,
        typeOptions: { searchListMethod: options.searchMethod, searchable: true }
      },
      {
        displayName: "By ID",
        name: "id",
        type: "string",
        placeholder: options.placeholder ?? "e.g. 1024",
        validation: [
          {
            type: "regex",
            properties: { regex: "^\\s*[^\\s,]+\\s*$", errorMessage: "Enter a single ID" }
          }
        ]
      }
    ]
  };
}
var contactListLocator = (overrides = {}) => locator({ name: "contactList", displayName: "Contact List", searchMethod: "searchContactLists", ...overrides });
var templateLocator = (overrides = {}) => locator({ name: "template", displayName: "Template", searchMethod: "searchTemplates", ...overrides });
var taskLocator = (overrides = {}) => locator({ name: "task", displayName: "Task", searchMethod: "searchTasks", ...overrides });
var domainLocator = (overrides = {}) => locator({
  name: "domain",
  displayName: "Domain",
  searchMethod: "searchDomains",
  placeholder: "e.g. mail.example.com",
  ...overrides
});

// nodes/UmailTrigger/shared/labels.ts
function withLabels(record, labels) {
  const out = { ...record };
  for (const [field, table] of Object.entries(labels)) {
    if (!(field in out)) continue;
    out[`${field}_label`] = labelOf(table, out[field]) ?? null;
  }
  return out;
}

// nodes/UmailTrigger/shared/params.ts
var import_n8n_workflow3 = require("n8n-workflow");
function locatorValue(value) {
  if (value && typeof value === "object" && "value" in value) return String(value.value ?? "").trim();
  return String(value ?? "").trim();
}
function chosenIds(fn, name, field, label) {
  const rows = fn.getNodeParameter(`${name}.values`, []) ?? [];
  const ids = [...new Set(rows.map((row) => locatorValue(row[field])).filter((id) => id !== ""))];
  if (!ids.length) throw new import_n8n_workflow3.NodeOperationError(fn.getNode(), `Choose at least one ${label}`);
  return ids;
}
function lookbackDays(fn) {
  const days = Number(fn.getNodeParameter("days", 7));
  if (!Number.isInteger(days) || days < 0 || days > 366) {
    throw new import_n8n_workflow3.NodeOperationError(fn.getNode(), '"Days Back" must be a whole number from 0 to 366');
  }
  return days;
}
function option(fn, name, fallback) {
  return fn.getNodeParameter("options", {})[name] ?? fallback;
}

// nodes/UmailTrigger/events/domainVerificationChanged.ts
var domainVerificationChanged = {
  value: "domainVerificationChanged",
  name: "Domain Verification Changed",
  cost: "Cost per poll: 2 API calls for all domains, 1 for a chosen domain.",
  description: "The DNS verification (SPF, MX, DKIM) of a sender domain passed or stopped passing",
  properties: [
    {
      displayName: "Watch",
      name: "domainScope",
      type: "options",
      options: [
        { name: "All My Domains", value: "all", description: "Two API calls per poll" },
        { name: "Chosen Domain", value: "chosen", description: "One API call per poll" }
      ],
      default: "all"
    },
    { ...domainLocator(), displayOptions: { show: { domainScope: ["chosen"] } } }
  ],
  scope: (fn) => [fn.getNodeParameter("domainScope", "all"), fn.getNodeParameter("domain", "")],
  async poll({ fn }, state) {
    let domains;
    if (fn.getNodeParameter("domainScope", "all") === "chosen") {
      domains = [locatorValue(fn.getNodeParameter("domain", "")).toLowerCase()];
    } else {
      const list = await umailRequest.call(fn, { endpoint: "bs.php", do: "domain-list", lists: ["domain_list.data"] });
      domains = listAt(list.body, "domain_list.data").filter((entry) => String(entry.customer_id) !== "0").map((entry) => String(entry.domain).toLowerCase());
    }
    const next = {};
    const items = [];
    if (!domains.length) return { items, state: next };
    const answer = await umailRequest.call(fn, {
      endpoint: "bs.php",
      do: "domain-check",
      method: "POST",
      form: { domains: domains.join(",") },
      lists: ["domain_list.domain"]
    });
    for (const check of listAt(answer.body, "domain_list.domain")) {
      const domain = String(check.val ?? "").toLowerCase();
      const status = String(check.status ?? "");
      const previous = state?.[domain];
      next[domain] = status;
      if (previous === status) continue;
      const verified = status === "3" || status === "1";
      items.push(
        withLabels({ domain, ...check, verified, previous_status: previous ?? null }, { status: "domainCheck", previous_status: "domainCheck" })
      );
    }
    return { items, state: next };
  }
};

// nodes/UmailTrigger/shared/clock.ts
var HOUR = 36e5;
var DAY = 24 * HOUR;
var SERVICE_OFFSET = 8 * HOUR;
var triggerClock = {
  now: () => Date.now()
};
function serviceDate(daysFromNow = 0) {
  return new Date(triggerClock.now() + SERVICE_OFFSET + daysFromNow * DAY).toISOString().slice(0, 10);
}
function serviceDateTime(daysFromNow = 0) {
  return new Date(triggerClock.now() + SERVICE_OFFSET + daysFromNow * DAY).toISOString().slice(0, 19).replace("T", " ");
}

// nodes/UmailTrigger/shared/fields.ts
function daysField(description) {
  return {
    displayName: "Days Back",
    name: "days",
    type: "number",
    typeOptions: { minValue: 0, maxValue: 366 },
    default: 7,
    description
  };
}
function taskScopeField(recentName, recentDescription) {
  return {
    displayName: "Watch",
    name: "scope",
    type: "options",
    options: [
      { name: "Chosen Tasks", value: "chosen", description: "Only the tasks picked below: one API call per task and poll" },
      { name: recentName, value: "recent", description: recentDescription }
    ],
    default: "recent"
  };
}
function tasksField(show) {
  return {
    displayName: "Tasks",
    name: "tasks",
    type: "fixedCollection",
    typeOptions: { multipleValues: true },
    placeholder: "Add Task",
    default: {},
    displayOptions: { show },
    options: [{ displayName: "Task", name: "values", values: [taskLocator()] }]
  };
}
function listsField() {
  return {
    displayName: "Contact Lists",
    name: "lists",
    type: "fixedCollection",
    typeOptions: { multipleValues: true },
    placeholder: "Add Contact List",
    default: {},
    description: "One API call per list and poll",
    options: [{ displayName: "Contact List", name: "values", values: [contactListLocator()] }]
  };
}
var maxTasksField = {
  displayName: "Tasks Scanned per Poll",
  name: "maxTasks",
  type: "number",
  typeOptions: { minValue: 1, maxValue: 100 },
  default: 1,
  displayOptions: { show: { scope: ["recent"] } },
  description: "How many tracked tasks to read per poll, least recently read first. A poll costs 1 + this many API calls; with more tracked tasks than this, each task is read every (tracked tasks \xF7 this) polls."
};

// nodes/UmailTrigger/events/fileImportFinished.ts
var keyOf = (log) => `${String(log.filepath)} ${String(log.time_import)}`;
var fileImportFinished = {
  value: "fileImportFinished",
  name: "File Import Finished",
  cost: "Cost per poll: 1 API call.",
  description: "An address file import finished (success or failure), with its counts",
  properties: [daysField("Watch imports uploaded this many days back, up to now")],
  scope: (fn) => [fn.getNodeParameter("days", 7)],
  async poll({ fn }, state) {
    const since = serviceDateTime(-lookbackDays(fn));
    const answer = await umailRequest.call(fn, {
      endpoint: "mloperate.php",
      do: "ml-addr-add-log",
      lists: ["result.data.address_log"]
    });
    const finished = listAt(answer.body, "result.data.address_log").filter((log) => String(log.time_import ?? "") >= since && !["", "0"].includes(String(log.status ?? ""))).sort((a, b) => String(a.time_import) < String(b.time_import) ? -1 : 1);
    const seen = new Set(state ?? []);
    const items = finished.filter((log) => !seen.has(keyOf(log))).map((log) => {
      const all = Number(log.count_all ?? 0);
      const invalid = Number(log.count_err_1 ?? 0);
      const duplicate = Number(log.count_err_2 ?? 0);
      return withLabels(
        { ...log, success: String(log.status) === "1", count_imported: Math.max(0, all - invalid - duplicate) },
        { status: "importLogStatus" }
      );
    });
    return { items, state: finished.map(keyOf) };
  }
};

// nodes/UmailTrigger/shared/cursor.ts
function newerThan(cursor, records) {
  const fresh = records.filter(
    (r) => r.at !== "" && (!cursor || r.at > cursor.at || r.at === cursor.at && !cursor.keys.includes(r.key))
  );
  return fresh.sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
}
function advance(cursor, fresh) {
  let next = cursor ? { at: cursor.at, keys: [...cursor.keys] } : { at: "", keys: [] };
  for (const r of fresh) {
    if (r.at === "") continue;
    if (r.at > next.at) next = { at: r.at, keys: [r.key] };
    else if (r.at === next.at && !next.keys.includes(r.key)) next.keys.push(r.key);
  }
  return next;
}
function keepOnly(map, live) {
  const out = {};
  for (const key of live) if (key in map) out[key] = map[key];
  return out;
}

// nodes/UmailTrigger/shared/tasks.ts
var FIRST_CALL = 100;
var PAGE = 20;
var AHEAD_DAYS = 366;
var LIST = "task_list.task";
async function recentTasks(fn, days, state) {
  const qs = { date: serviceDate(-days), date_end: serviceDate(AHEAD_DAYS), state };
  const first = await umailRequest.call(fn, { endpoint: "task.php", do: "list-task", qs, lists: [LIST] });
  const tasks = listAt(first.body, LIST);
  if (tasks.length < FIRST_CALL) return tasks;
  for (let page = FIRST_CALL / PAGE + 1; ; page++) {
    const answer = await umailRequest.call(fn, {
      endpoint: "task.php",
      do: "list-task",
      qs: { ...qs, page, limit: PAGE },
      lists: [LIST]
    });
    const more = listAt(answer.body, LIST);
    tasks.push(...more);
    if (more.length < PAGE) return dedupe(tasks);
  }
}
async function taskById(fn, id) {
  const answer = await umailRequest.call(fn, { endpoint: "task.php", do: "list-task", qs: { id }, lists: [LIST] });
  return listAt(answer.body, LIST).find((task) => String(task.id) === id);
}
function dedupe(tasks) {
  const seen = /* @__PURE__ */ new Map();
  for (const task of tasks) seen.set(String(task.id), task);
  return [...seen.values()];
}
var isTracked = (task, level) => Number(task.track_status ?? 0) >= level && String(task.time_start ?? "") !== "";

// nodes/UmailTrigger/shared/scan.ts
async function scanTracking(run, state, source) {
  const { fn } = run;
  const recent = fn.getNodeParameter("scope", "recent") === "recent";
  const ids = recent ? (await recentTasks(fn, lookbackDays(fn))).filter((task) => isTracked(task, source.level)).map((task) => String(task.id)).sort((a, b) => Number(b) - Number(a)) : chosenIds(fn, "tasks", "task", "task");
  const known = state?.tasks ?? {};
  const polls = (state?.polls ?? 0) + 1;
  let toRead = ids;
  if (recent && state && !run.sample) {
    const maxTasks = Math.max(1, Number(fn.getNodeParameter("maxTasks", 1)));
    toRead = [...ids].sort((a, b) => (known[a]?.read ?? -1) - (known[b]?.read ?? -1)).slice(0, maxTasks);
  }
  const tasks = keepOnly(known, ids);
  const items = [];
  for (const id of toRead) {
    const records = await source.read(fn, id);
    const fresh = newerThan(known[id]?.cursor, records);
    items.push(...fresh);
    tasks[id] = { cursor: advance(known[id]?.cursor, fresh), read: polls };
    if (run.sample && items.length) break;
  }
  items.sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
  return { items: items.map((item) => item.record), state: { tasks, polls } };
}

// nodes/UmailTrigger/shared/trackingEvent.ts
function trackingEvent(source) {
  const tracked = source.level === 1 ? "opens" : "clicks";
  return {
    value: source.value,
    name: source.name,
    cost: "Cost per poll: 1 per chosen task, or 1 + Tasks Scanned per Poll for recent tracked tasks.",
    description: source.description,
    properties: [
      taskScopeField("Recent Tracked Tasks", `Tasks of the last days that track ${tracked}`),
      tasksField({ scope: ["chosen"] }),
      {
        ...daysField("Watch tasks dated this many days back, up to today"),
        displayOptions: { show: { scope: ["recent"] } }
      },
      maxTasksField
    ],
    scope: (fn) => [fn.getNodeParameter("scope", "recent"), fn.getNodeParameter("tasks", {}), fn.getNodeParameter("days", 7)],
    poll: async (run, state) => await scanTracking(run, state, {
      level: source.level,
      async read(fn, id) {
        const answer = await umailRequest.call(fn, {
          endpoint: "track.php",
          do: source.do,
          qs: { id },
          lists: [source.list],
          emptyOk: true
        });
        return listAt(answer.body, source.list).map((row) => ({
          at: source.at(row),
          key: source.key(row),
          record: { send_id: id, ...row }
        }));
      }
    })
  };
}

// nodes/UmailTrigger/events/newClick.ts
var newClick = trackingEvent({
  value: "newClick",
  name: "New Click",
  description: "A recipient clicked a tracked link for the first time",
  level: 2,
  do: "click-detail",
  list: "data.click",
  at: (click) => String(click.click_first ?? ""),
  key: (click) => `${String(click.email)} ${String(click.link)}`
});

// nodes/UmailTrigger/events/newFailedAddress.ts
var keyOf2 = (row) => `${String(row.email).toLowerCase()} ${String(row.type)} ${String(row.task_id)}`;
async function exportRows(fn, qs) {
  const answer = await umailRequest.call(fn, {
    endpoint: "failexportall.php",
    qs: { type: "all", out_type: "json", is_repeat: 1, ...qs },
    answer: "json"
  });
  return Array.isArray(answer.body) ? answer.body : [];
}
var newFailedAddress = {
  value: "newFailedAddress",
  name: "New Failed Address",
  cost: "Cost per poll: 1 API call, or 1 per chosen task (+1 once per task to learn its batch number).",
  description: "An address failed (bounced, rejected, invalid\u2026): with its failure type and task",
  properties: [
    taskScopeField("Tasks of the Last Days", "Failures of tasks dated within the last days, SMTP traffic included: one API call per poll"),
    tasksField({ scope: ["chosen"] }),
    { ...daysField("Watch failures of tasks dated this many days back, up to today"), displayOptions: { show: { scope: ["recent"] } } }
  ],
  scope: (fn) => [fn.getNodeParameter("scope", "recent"), fn.getNodeParameter("tasks", {}), fn.getNodeParameter("days", 7)],
  async poll({ fn }, state) {
    const idents = { ...state?.idents ?? {} };
    let rows = [];
    if (fn.getNodeParameter("scope", "recent") === "recent") {
      rows = await exportRows(fn, { date: serviceDate(-lookbackDays(fn)), date_end: serviceDate() });
    } else {
      const live = {};
      for (const id of chosenIds(fn, "tasks", "task", "task")) {
        if (!idents[id]) idents[id] = String((await taskById(fn, id))?.sn ?? "");
        if (!idents[id]) continue;
        live[id] = idents[id];
        rows.push(...await exportRows(fn, { task_ident: idents[id] }));
      }
      for (const id of Object.keys(idents)) if (!(id in live)) delete idents[id];
    }
    const seen = new Set(state?.seen ?? []);
    const keys = /* @__PURE__ */ new Set();
    const items = [];
    for (const row of rows) {
      const key = keyOf2(row);
      if (keys.has(key)) continue;
      keys.add(key);
      if (!seen.has(key)) items.push(withLabels({ ...row }, { type: "failureType" }));
    }
    return { items, state: { seen: [...keys], idents } };
  }
};

// nodes/UmailTrigger/events/newOpen.ts
var newOpen = trackingEvent({
  value: "newOpen",
  name: "New Open",
  description: "A recipient opened a tracked email for the first time",
  level: 1,
  do: "open-detail",
  list: "data.user",
  at: (user) => String(user.open_first ?? ""),
  key: (user) => String(user.email_id || user.email)
});

// nodes/UmailTrigger/events/newUnsubscribe.ts
var LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)\s+(\S+)\s*$/;
async function unsubscribes(fn, listId) {
  const answer = await umailRequest.call(fn, {
    endpoint: "mloperate.php",
    do: "unsubscribe-export",
    qs: { id: listId },
    answer: "text"
  });
  const rows = [];
  for (const line of answer.body) {
    const [time, email] = line.includes("	") ? line.split("	").map((cell) => cell.trim()) : LINE.exec(line.trim())?.slice(1) ?? [];
    if (!time || !email) continue;
    rows.push({ at: time, key: email.toLowerCase(), record: { list_id: listId, email, time } });
  }
  return rows;
}
var newUnsubscribe = {
  value: "newUnsubscribe",
  name: "New Unsubscribe",
  cost: "Cost per poll: 1 API call per chosen list, or 1 + 1 per list when watching all lists.",
  description: "An address unsubscribed from a contact list",
  properties: [
    {
      displayName: "Watch",
      name: "listScope",
      type: "options",
      options: [
        { name: "All Contact Lists", value: "all", description: "A poll costs 1 + one API call per list" },
        { name: "Chosen Contact Lists", value: "chosen", description: "A poll costs one API call per chosen list" }
      ],
      default: "chosen"
    },
    { ...listsField(), displayOptions: { show: { listScope: ["chosen"] } } }
  ],
  scope: (fn) => [fn.getNodeParameter("listScope", "chosen"), fn.getNodeParameter("lists", {})],
  async poll({ fn, sample }, state) {
    let ids;
    if (fn.getNodeParameter("listScope", "chosen") === "all") {
      const answer = await umailRequest.call(fn, { endpoint: "mloperate.php", do: "maillist-list", lists: ["maillist.item"] });
      ids = listAt(answer.body, "maillist.item").map((list) => String(list.id));
    } else ids = chosenIds(fn, "lists", "contactList", "contact list");
    const next = keepOnly(state ?? {}, ids);
    const items = [];
    for (const id of ids) {
      const fresh = newerThan(state?.[id], await unsubscribes(fn, id));
      items.push(...fresh);
      next[id] = advance(state?.[id], fresh);
      if (sample && items.length) break;
    }
    items.sort((a, b) => a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
    return { items: items.map((item) => item.record), state: next };
  }
};

// nodes/UmailTrigger/events/taskCompleted.ts
async function details(fn, task) {
  const id = String(task.id);
  const overview = await umailRequest.call(fn, {
    endpoint: "track.php",
    do: "overview",
    qs: { id },
    lists: ["track.link_statistic.link"]
  });
  const billing = await umailRequest.call(fn, { endpoint: "stask.php", qs: { id }, lists: ["data.task"] });
  return withLabels(
    { ...task, tracking: objectAt(overview.body, "track"), billing: listAt(billing.body, "data.task") },
    { send_status: "sendStatus", track_status: "trackStatus" }
  );
}
var taskCompleted = {
  value: "taskCompleted",
  name: "Task Completed",
  cost: "Cost per poll: 1 API call (+1 per 20 completed tasks above 100), plus 2 per completed task emitted.",
  description: "A send task finished sending; comes with its tracking overview and billing stats",
  properties: [daysField("Watch tasks dated this many days back, up to today")],
  scope: (fn) => [fn.getNodeParameter("days", 7)],
  async poll({ fn, sample }, state) {
    const completed = (await recentTasks(fn, lookbackDays(fn), "3")).sort((a, b) => Number(a.id) - Number(b.id));
    const seen = new Set(state ?? []);
    let fresh = completed.filter((task) => !seen.has(String(task.id)));
    if (sample) fresh = fresh.slice(-1);
    const items = [];
    if (state !== void 0 || sample || option(fn, "emitExisting", false)) for (const task of fresh) items.push(await details(fn, task));
    return { items, state: completed.map((task) => String(task.id)) };
  }
};

// nodes/UmailTrigger/events/taskStatusChanged.ts
var taskStatusChanged = {
  value: "taskStatusChanged",
  name: "Task Status Changed",
  cost: "Cost per poll: 1 API call (tasks of the last days; +1 per 20 tasks above 100), or 1 per chosen task. Only the status at poll time is seen.",
  description: "A send task changed status (e.g. started sending, completed, paused, stopped)",
  properties: [
    taskScopeField("Tasks of the Last Days", "Tasks dated within the last days (or scheduled later): one API call per poll, plus one per 20 tasks above 100"),
    tasksField({ scope: ["chosen"] }),
    { ...daysField("Watch tasks dated this many days back, up to today, and tasks scheduled later"), displayOptions: { show: { scope: ["recent"] } } },
    {
      displayName: "To Statuses",
      name: "statuses",
      type: "multiOptions",
      options: codeOptions("sendStatus"),
      default: [],
      description: "Fire only when a task changes to one of these statuses. None = any change."
    }
  ],
  scope: (fn) => [fn.getNodeParameter("scope", "recent"), fn.getNodeParameter("tasks", {}), fn.getNodeParameter("days", 7)],
  async poll({ fn }, state) {
    const recent = fn.getNodeParameter("scope", "recent") === "recent";
    const wanted = fn.getNodeParameter("statuses", []).map(String);
    let tasks;
    if (recent) tasks = await recentTasks(fn, lookbackDays(fn));
    else {
      tasks = [];
      for (const id of chosenIds(fn, "tasks", "task", "task")) {
        const task = await taskById(fn, id);
        if (task) tasks.push(task);
      }
    }
    const known = state ?? {};
    const next = keepOnly(known, tasks.map((task) => String(task.id)));
    const items = [];
    for (const task of [...tasks].sort((a, b) => Number(a.id) - Number(b.id))) {
      const id = String(task.id);
      const status = String(task.send_status ?? "");
      const previous = known[id];
      next[id] = status;
      if (previous === status) continue;
      if (wanted.length && !wanted.includes(status)) continue;
      items.push(
        withLabels(
          { ...task, previous_status: previous ?? null, send_status: status },
          { previous_status: "sendStatus", send_status: "sendStatus", track_status: "trackStatus" }
        )
      );
    }
    return { items, state: next };
  }
};

// nodes/UmailTrigger/events/templateCheckFinished.ts
async function checkStatus(fn, id) {
  const answer = await umailRequest.call(fn, { endpoint: "template.php", do: "get-tpl-status", qs: { tpl_id: id } });
  return objectAt(answer.body, "template");
}
var templateCheckFinished = {
  value: "templateCheckFinished",
  name: "Template Check Finished",
  cost: "Cost per poll: 1 API call, plus 1 per template whose check is running or just ended.",
  description: "The content check of a template ended: passed (green, yellow) or rejected (red)",
  properties: [
    {
      displayName: "Watch",
      name: "templateScope",
      type: "options",
      options: [
        { name: "All Templates", value: "all", description: "One API call per poll, plus one per template being checked" },
        { name: "Chosen Template", value: "chosen", description: "One API call per poll" }
      ],
      default: "all"
    },
    { ...templateLocator(), displayOptions: { show: { templateScope: ["chosen"] } } },
    {
      displayName: "Result",
      name: "result",
      type: "options",
      options: [
        { name: "Any", value: "any" },
        { name: "Passed", value: "passed", description: "Status 1: green, yellow or red_pass" },
        { name: "Rejected", value: "rejected", description: "Status 0: red" }
      ],
      default: "any",
      description: "Fire only for this check result"
    }
  ],
  scope: (fn) => [fn.getNodeParameter("templateScope", "all"), fn.getNodeParameter("template", "")],
  async poll({ fn, sample }, state) {
    const known = state ?? {};
    let candidates;
    if (fn.getNodeParameter("templateScope", "all") === "chosen") {
      candidates = [{ id: locatorValue(fn.getNodeParameter("template", "")) }];
    } else {
      const answer = await umailRequest.call(fn, {
        endpoint: "template.php",
        do: "list-tpl",
        lists: ["template_list.template", "template_list.template.subject", "template_list.template.attachments.attachment"]
      });
      candidates = listAt(answer.body, "template_list.template").map((tpl) => ({ id: String(tpl.id), updated: String(tpl.updated ?? "") })).sort((a, b) => Number(b.id) - Number(a.id));
    }
    const result = fn.getNodeParameter("result", "any");
    const next = keepOnly(known, candidates.map((candidate) => candidate.id));
    const items = [];
    for (const candidate of candidates) {
      if (candidate.updated !== void 0 && known[candidate.id] === candidate.updated && !sample) continue;
      const status = await checkStatus(fn, candidate.id);
      const code = String(status.status ?? "");
      if (code === "-1" || code === "") continue;
      const updated = String(status.update_date ?? candidate.updated ?? "");
      if (known[candidate.id] === updated && !sample) continue;
      next[candidate.id] = updated;
      if (result === "passed" && code !== "1" || result === "rejected" && code !== "0") continue;
      items.push(withLabels({ ...status, passed: code === "1" }, { status: "templateCheck", size_status: "sizeStatus" }));
      if (sample) break;
    }
    return { items: items.reverse(), state: next };
  }
};

// nodes/UmailTrigger/events/index.ts
var EVENTS = [
  domainVerificationChanged,
  fileImportFinished,
  newClick,
  newFailedAddress,
  newOpen,
  newUnsubscribe,
  taskCompleted,
  taskStatusChanged,
  templateCheckFinished
];

// nodes/UmailTrigger/UmailTrigger.node.ts
var byName = (a, b) => a.name.localeCompare(b.name);
function costNotice(event) {
  return { displayName: event.cost, name: `${event.value}Notice`, type: "notice", default: "" };
}
function describeEvents() {
  const events = [...EVENTS].sort(byName);
  const eventField = {
    displayName: "Event",
    name: "event",
    type: "options",
    noDataExpression: true,
    required: true,
    options: events.map((event) => ({ name: event.name, value: event.value, description: event.description })),
    default: "taskStatusChanged"
  };
  const fields = events.flatMap(
    (event) => [costNotice(event), ...event.properties].map((property) => ({
      ...property,
      displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, event: [event.value] } }
    }))
  );
  const options = {
    displayName: "Options",
    name: "options",
    type: "collection",
    placeholder: "Add Option",
    default: {},
    options: [
      {
        displayName: "Emit Existing Events on First Poll",
        name: "emitExisting",
        type: "boolean",
        default: false,
        description: "Whether the first poll after activation emits what already exists. By default it only remembers it and emits nothing."
      }
    ]
  };
  return [eventField, ...fields, options];
}
var UmailTrigger = class {
  description = {
    displayName: "U-Mail Trigger",
    name: "umailTrigger",
    icon: { light: "file:umailTrigger.svg", dark: "file:umailTrigger.dark.svg" },
    group: ["trigger"],
    version: 1,
    subtitle: '={{$parameter["event"]}}',
    description: "Starts a workflow on U-Mail EDM events: task status, opens, clicks, failures, unsubscribes and more",
    defaults: { name: "U-Mail Trigger" },
    polling: true,
    inputs: [],
    outputs: [import_n8n_workflow4.NodeConnectionTypes.Main],
    credentials: [{ name: "umailApi", required: true }],
    properties: describeEvents()
  };
  methods = {
    listSearch
  };
  async poll() {
    const value = this.getNodeParameter("event");
    const event = EVENTS.find((candidate) => candidate.value === value);
    if (!event) throw new import_n8n_workflow4.NodeOperationError(this.getNode(), `Unknown event "${value}"`);
    const staticData = this.getWorkflowStaticData("node");
    const scope = JSON.stringify(event.scope(this));
    const saved = staticData[event.value];
    const state = saved?.scope === scope ? saved.state : void 0;
    if (this.getMode() === "manual") {
      const { items: items2 } = await event.poll({ fn: this, sample: true }, void 0);
      const sample = items2.at(-1);
      if (!sample) {
        throw new import_n8n_workflow4.NodeOperationError(this.getNode(), `No ${event.name} event found to show as a sample`, {
          description: "Check the event settings, or make the event happen once in U-Mail and fetch again"
        });
      }
      return [this.helpers.returnJsonArray([sample])];
    }
    const { items, state: next } = await event.poll({ fn: this, sample: false }, state);
    for (const key of Object.keys(staticData)) if (key !== event.value) delete staticData[key];
    staticData[event.value] = JSON.parse(JSON.stringify({ scope, state: next }));
    const firstPoll = state === void 0;
    if (firstPoll && !option(this, "emitExisting", false)) return null;
    return items.length ? [this.helpers.returnJsonArray(items)] : null;
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  UmailTrigger
});
