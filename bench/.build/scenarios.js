"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// credentials/UmailApi.credentials.ts
var UmailApi_credentials_exports = {};
__export(UmailApi_credentials_exports, {
  DEFAULT_BASE_URL: () => DEFAULT_BASE_URL,
  UmailApi: () => UmailApi
});
var WRONG_LOGIN, NOT_API, DEFAULT_BASE_URL, UmailApi;
var init_UmailApi_credentials = __esm({
  "credentials/UmailApi.credentials.ts"() {
    "use strict";
    WRONG_LOGIN = "Authentication failed: check the username and password";
    NOT_API = "The server did not answer like the U-Mail API: check the username and password, and that the API Base URL ends in /mm-ms/apinew";
    DEFAULT_BASE_URL = "https://api.bestedm.net/mm-ms/apinew";
    UmailApi = class {
      name = "umailApi";
      displayName = "U-Mail API";
      icon = { light: "file:../nodes/Umail/umail.svg", dark: "file:../nodes/Umail/umail.dark.svg" };
      documentationUrl = "https://github.com/n8n-nodes-umail/n8n-nodes-umail#credential";
      properties = [
        {
          displayName: "Username",
          name: "username",
          type: "string",
          default: "",
          required: true,
          description: "The U-Mail EDM account name you log in to the web console with"
        },
        {
          displayName: "Password",
          name: "password",
          type: "string",
          typeOptions: { password: true },
          default: "",
          required: true
        },
        {
          displayName: "API Base URL",
          name: "baseUrl",
          type: "string",
          default: DEFAULT_BASE_URL,
          required: true,
          hint: "Customers on another host (www.bestedm.net, www.bestedm.org, an IP or a white-label host) or on the legacy /mm-ms/api path set theirs here"
        },
        {
          displayName: "Ignore SSL Issues (Insecure)",
          name: "ignoreSslIssues",
          type: "boolean",
          default: false,
          description: "Whether to connect even if SSL certificate validation is not possible"
        }
      ];
      authenticate = {
        type: "generic",
        properties: {
          auth: {
            username: "={{$credentials.username}}",
            password: "={{$credentials.password}}"
          }
        }
      };
      /**
       * A wrong password may come back as HTTP 401, or as status 200 with an XML error or an HTML login page. n8n's
       * declarative test can only look into JSON, so it asks the one read-only call that answers JSON (§2.6 send log) and
       * fails unless the answer carries its `lists` array.
       */
      test = {
        request: {
          baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
          url: "/maillog.php",
          json: true,
          qs: { date: '={{$now.setZone("Asia/Shanghai").toFormat("yyyy-MM-dd")}}' },
          skipSslCertificateValidation: "={{$credentials.ignoreSslIssues}}"
        },
        rules: [
          {
            type: "responseCode",
            properties: { value: 401, message: WRONG_LOGIN }
          },
          {
            type: "responseCode",
            properties: { value: 403, message: WRONG_LOGIN }
          },
          {
            type: "responseSuccessBody",
            properties: { key: "lists", value: void 0, message: NOT_API }
          }
        ]
      };
    };
  }
});

// bench/scenarios.ts
var scenarios_exports = {};
module.exports = __toCommonJS(scenarios_exports);
var fs2 = __toESM(require("node:fs"));
var import_fast_xml_parser2 = require("fast-xml-parser");

// nodes/Umail/Umail.node.ts
var import_n8n_workflow9 = require("n8n-workflow");

// nodes/Umail/actions/describe.ts
var byName = (a, b) => a.name.localeCompare(b.name);
function describeResources(all) {
  const resources = all.filter((resource) => resource.operations.length > 0);
  const properties = [
    {
      displayName: "Resource",
      name: "resource",
      type: "options",
      noDataExpression: true,
      options: resources.map((resource) => ({ name: resource.name, value: resource.value, description: resource.description })).sort(byName),
      default: "contactList"
    }
  ];
  for (const resource of resources) {
    properties.push({
      displayName: "Operation",
      name: "operation",
      type: "options",
      noDataExpression: true,
      displayOptions: { show: { resource: [resource.value] } },
      options: resource.operations.map((op) => ({ name: op.name, value: op.value, action: op.action, description: op.description })).sort(byName),
      default: resource.defaultOperation
    });
  }
  for (const resource of resources) {
    for (const op of resource.operations) {
      for (const property of op.properties) {
        properties.push({
          ...property,
          displayOptions: {
            ...property.displayOptions,
            show: {
              ...property.displayOptions?.show,
              resource: [resource.value],
              operation: [op.value]
            }
          }
        });
      }
    }
  }
  return properties;
}

// nodes/Umail/actions/router.ts
var import_n8n_workflow8 = require("n8n-workflow");

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
function capitalize(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
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
function snippetOf(text2, length = 120) {
  const flat = text2.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length)}\u2026` : flat;
}
function looksLikeHtml(text2) {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text2);
}
function rootName(text2) {
  const match = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*<([A-Za-z_][\w.-]*)/.exec(text2);
  return match?.[1];
}
function isComplete(text2, root) {
  const tail = text2.trimEnd();
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
  for (const path2 of lists) {
    const parts = path2.split(".").map((part) => FIELD_RENAMES[part] ?? part);
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
function decodeXml(text2, lists = [], emptyOk = false) {
  if (emptyOk && /^\s*(<\?xml[^>]*\?>)?\s*$/.test(text2)) {
    const empty2 = {};
    ensureLists(empty2, lists);
    return empty2;
  }
  if (text2.trim() === "") throw new AnswerFormatError("The server sent an empty answer where XML was expected", "");
  if (looksLikeHtml(text2)) {
    throw new AnswerFormatError("The server sent an HTML page where XML was expected", snippetOf(text2));
  }
  let repaired = text2;
  for (const [typo, fix] of TAG_TYPOS) repaired = repaired.replace(typo, fix);
  const root = rootName(repaired);
  if (!root) throw new AnswerFormatError("The server sent something that is not XML", snippetOf(text2));
  if (!isComplete(repaired, root)) {
    throw new AnswerFormatError("The server sent a truncated XML answer", snippetOf(text2));
  }
  let parsed;
  let failure;
  try {
    parsed = parserFor(lists).parse(repaired);
  } catch (error) {
    failure = error.message.split("\n")[0];
  }
  if (failure !== void 0) {
    throw new AnswerFormatError(`The server sent XML that cannot be read (${failure})`, snippetOf(text2));
  }
  const result = normalize(parsed);
  if (result[root] === "") result[root] = {};
  ensureLists(result, lists);
  return result;
}
var BOM = /^\uFEFF/;
function decodeJson(raw) {
  const text2 = raw.replace(BOM, "");
  if (text2.trim() === "") throw new AnswerFormatError("The server sent an empty answer where JSON was expected", "");
  if (looksLikeHtml(text2)) {
    throw new AnswerFormatError("The server sent an HTML page where JSON was expected", snippetOf(text2));
  }
  let parsed;
  let ok = true;
  try {
    parsed = JSON.parse(text2);
  } catch {
    ok = false;
  }
  if (!ok) throw new AnswerFormatError("The server sent JSON that cannot be read", snippetOf(text2));
  return parsed;
}
function decodeLines(raw) {
  const text2 = raw.replace(BOM, "");
  if (looksLikeHtml(text2)) {
    throw new AnswerFormatError("The server sent an HTML page where a text export was expected", snippetOf(text2));
  }
  return text2.split(/\r?\n/).filter((line) => line.trim() !== "");
}
function splitColumns(line, columns) {
  const cells = line.includes("	") ? line.split("	") : /[,;]/.test(line) ? line.split(/[,;]/) : line.split(/\s+/);
  const row = {};
  columns.forEach((column, index) => {
    row[column] = (cells[index] ?? "").trim();
  });
  return row;
}
function addLabels(record, labels) {
  if (!labels) return record;
  for (const [field, table] of Object.entries(labels)) {
    if (!(field in record)) continue;
    const label = labelOf(table, record[field]);
    if (label !== void 0) record[`${field}_label`] = label;
  }
  return record;
}
function pick(answer, path2) {
  if (!path2) return answer;
  let current = answer;
  for (const part of path2.split(".")) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[FIELD_RENAMES[part] ?? part];
  }
  return current;
}

// nodes/Umail/shared/outputs.ts
function resultOf(body) {
  return body?.result ?? {};
}
function resultData(body) {
  const data = resultOf(body).data;
  if (data === void 0 || data === null) return "";
  return typeof data === "object" ? JSON.stringify(data) : String(data).trim();
}
function listAt(body, path2) {
  const value = pick(body, path2);
  if (value === void 0 || value === "" || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((entry) => entry && typeof entry === "object");
}
function objectAt(body, path2) {
  const value = pick(body, path2);
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function deleted(extra = {}) {
  return { deleted: true, ...extra };
}
function succeeded(body, extra = {}) {
  const result = resultOf(body);
  const message = resultData(body);
  return { success: true, status: String(result.status ?? "success"), ...message ? { message } : {}, ...extra };
}
function limitLocally(records, p) {
  if (p.boolean("returnAll")) return records;
  return records.slice(0, p.number("limit", { min: 1, fallback: 50 }));
}

// nodes/Umail/resources/account/getInfo.ts
var getInfo = {
  value: "getInfo",
  name: "Get Info",
  action: "Get account information",
  description: "Get the account holder: user ID, company, contact person, phone and email",
  properties: [],
  request: () => ({ endpoint: "account.php", do: "customer-info" }),
  output: (body) => objectAt(body, "customer")
};

// nodes/Umail/resources/account/getService.ts
var getService = {
  value: "getService",
  name: "Get Service",
  action: "Get the bulk-mail service of the account",
  description: "Get the bulk-mail service: status, start and expiry dates, sending quota left and bought",
  properties: [],
  request: () => ({ endpoint: "account.php", do: "service-info" }),
  output: (body) => objectAt(body, "service")
};

// nodes/Umail/resources/account/index.ts
var account = {
  value: "account",
  name: "Account",
  description: "Account and service information (quota, expiry)",
  defaultOperation: "getInfo",
  operations: [getInfo, getService]
};

// nodes/Umail/shared/batch.ts
var import_n8n_workflow = require("n8n-workflow");
var VARIABLES = ["var1", "var2", "var3", "var4", "var5", "var6", "var7", "var8", "var9", "var10"];
var ROW_COLUMNS = ["email", "name", "sex", "birthday", "phone", "area", ...VARIABLES];
var MAX_ROWS_PER_CALL = 500;
var batchSettings = {
  pollIntervalMs: 5e3
};
var SEPARATOR = /[;\t\r\n]/;
function brokenColumn(contact) {
  return ROW_COLUMNS.find((column) => SEPARATOR.test(contact[column]));
}
function toRow(contact) {
  return ROW_COLUMNS.map((column) => contact[column]).join(";");
}
function chunk(list, size) {
  const chunks = [];
  for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
  return chunks;
}
async function addRows(call, contactListId, rows) {
  const answer = await call({
    endpoint: "mloperate.php",
    do: "ml-addr-add",
    method: "POST",
    qs: { list_id: contactListId },
    form: { ml_addr: rows.join("\n") }
  });
  return resultData(answer.body);
}
async function uploadImport(call, contactListId, fileName, data) {
  const answer = await call({
    endpoint: "mloperate.php",
    do: "ml-addr-add-file",
    method: "POST",
    qs: { list_id: contactListId },
    form: { list_id: contactListId },
    files: [{ field: "file", fileName, data, mimeType: "text/plain" }],
    timeoutMs: 3e5
  });
  return resultData(answer.body);
}
var IMPORT_STATES = {
  success: "parsed",
  no_complete: "still parsing",
  not_exist: "no such import",
  error: "bad import id"
};
async function importStatus(call, importId) {
  const answer = await call({
    endpoint: "mloperate.php",
    do: "ml-addr-add-file-query",
    qs: { id: importId },
    okStatuses: ["no_complete", "not_exist", "error"]
  });
  const status2 = String(resultOf(answer.body).status ?? "");
  return { importId, status: status2, status_label: IMPORT_STATES[status2] ?? status2, message: resultData(answer.body) };
}
async function waitForImport(call, importId, maxWaitMs) {
  let polls = 0;
  for (let waited = 0; ; waited += batchSettings.pollIntervalMs) {
    const state = await importStatus(call, importId);
    polls++;
    if (state.status !== "no_complete" || waited + batchSettings.pollIntervalMs > maxWaitMs) return { ...state, polls };
    await (0, import_n8n_workflow.sleep)(batchSettings.pollIntervalMs);
  }
}
async function importCounts(call, fileName) {
  const answer = await call({
    endpoint: "mloperate.php",
    do: "ml-addr-add-log",
    lists: ["result.data.address_log"]
  });
  const entries = listAt(answer.body, "result.data.address_log").filter((entry) => entry.filename === fileName);
  const newest = entries.sort((a, b) => String(b.time_import ?? "").localeCompare(String(a.time_import ?? "")))[0];
  if (!newest) return void 0;
  const total = Number(newest.count_all ?? 0);
  const invalid = Number(newest.count_err_1 ?? 0);
  const duplicate = Number(newest.count_err_2 ?? 0);
  const status2 = String(newest.status ?? "");
  return {
    total,
    invalid,
    duplicate,
    added: Math.max(total - invalid - duplicate, 0),
    status: status2,
    status_label: labelOf("importLogStatus", status2) ?? status2
  };
}
function uniqueImportName(contactListId) {
  const stamp = Date.now().toString(36);
  const random = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, "0");
  return `n8n-contacts-${contactListId}-${stamp}-${random}.txt`;
}
var SIMPLE_JSON = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:'[^']*'|"[^"]*"|\d+)\s*\])*)\s*\}\}$/;
var SEGMENT = /\.([A-Za-z_$][\w$]*)|\[\s*(?:'([^']*)'|"([^"]*)"|(\d+))\s*\]/g;
function jsonPath(expression) {
  const match = SIMPLE_JSON.exec(expression.trim());
  if (!match) return void 0;
  return [...match[1].matchAll(SEGMENT)].map((part) => part[1] ?? part[2] ?? part[3] ?? part[4]);
}
function hasExpression(value) {
  if (typeof value === "string") return value.startsWith("=");
  if (Array.isArray(value)) return value.some(hasExpression);
  if (value && typeof value === "object") return Object.values(value).some(hasExpression);
  return false;
}
function itemReader(fn, items, name, fallback = "") {
  const raw = fn.getNodeParameter(name, 0, fallback, { rawExpressions: true });
  if (!hasExpression(raw)) {
    const value = fn.getNodeParameter(name, 0, fallback, { extractValue: true });
    return () => value;
  }
  const expression = raw && typeof raw === "object" && "__rl" in raw ? raw.value : raw;
  const path2 = typeof expression === "string" ? jsonPath(expression) : void 0;
  if (path2) {
    return (itemIndex) => path2.reduce((value, key) => value === null || typeof value !== "object" ? void 0 : value[key], items[itemIndex].json);
  }
  return (itemIndex) => fn.getNodeParameter(name, itemIndex, fallback, { extractValue: true });
}
function collectionReaders(fn, items, name) {
  const raw = fn.getNodeParameter(name, 0, {}, { rawExpressions: true }) ?? {};
  const readers2 = {};
  for (const key of Object.keys(raw)) readers2[key] = itemReader(fn, items, `${name}.${key}`);
  return readers2;
}

// nodes/Umail/shared/fields.ts
function returnAllFields(maxLimit) {
  return [
    {
      displayName: "Return All",
      name: "returnAll",
      type: "boolean",
      default: false,
      description: "Whether to return all results or only up to a given limit"
    },
    {
      displayName: "Limit",
      name: "limit",
      type: "number",
      typeOptions: { minValue: 1, ...maxLimit ? { maxValue: maxLimit } : {} },
      default: 50,
      description: "Max number of results to return",
      displayOptions: { show: { returnAll: [false] } }
    }
  ];
}
var simplifyField = {
  displayName: "Simplify",
  name: "simplify",
  type: "boolean",
  default: true,
  description: "Whether to return a simplified version of the response instead of the raw data"
};
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
var mailboxLocator = (overrides = {}) => locator({
  name: "mailbox",
  displayName: "Mailbox",
  searchMethod: "searchMailboxes",
  placeholder: "e.g. news@mail.example.com",
  ...overrides
});
var trackingDomainLocator = (overrides = {}) => locator({
  name: "trackingDomain",
  displayName: "Tracking Domain",
  searchMethod: "searchTrackingDomains",
  placeholder: "e.g. track.example.com",
  ...overrides
});
function dateField(name, displayName, description, required = false) {
  return {
    displayName,
    name,
    type: "dateTime",
    default: "",
    required,
    description: `${description}. Sent as YYYY-MM-DD.`
  };
}
function codeField(name, displayName, table, options = {}) {
  return {
    displayName,
    name,
    type: "options",
    options: codeOptions(table, options.any ? [{ name: "Any", value: options.any }] : []),
    default: options.default ?? options.any ?? "",
    description: options.description
  };
}
var exportFormatField = {
  displayName: "Output",
  name: "output",
  type: "options",
  options: [
    { name: "Items", value: "items", description: "One item per row" },
    { name: "File", value: "file", description: "One item with every row in a binary file" }
  ],
  default: "items"
};
var binaryPropertyOutField = {
  displayName: "Put Output File in Field",
  name: "binaryPropertyName",
  type: "string",
  default: "data",
  displayOptions: { show: { output: ["file"] } },
  hint: "The name of the output binary field to put the file in"
};
function filtersField(options) {
  return {
    displayName: "Filters",
    name: "filters",
    type: "collection",
    placeholder: "Add Filter",
    default: {},
    options
  };
}

// nodes/Umail/resources/address/fields.ts
var SEX = {
  displayName: "Sex",
  name: "sex",
  type: "options",
  options: [
    { name: "Female", value: "F" },
    { name: "Male", value: "M" }
  ],
  default: "F"
};
var variables = VARIABLES.map((name, index) => ({
  displayName: `Variable ${index + 1}`,
  name,
  type: "string",
  default: "",
  description: `Value of the template variable {$var${index + 1}}`
}));
function contactFields(options = {}) {
  return {
    displayName: "Additional Fields",
    name: "additionalFields",
    type: "collection",
    placeholder: "Add Field",
    default: {},
    options: [
      { displayName: "Area", name: "area", type: "string", default: "", placeholder: "e.g. \u6DF1\u5733\u5E02\u798F\u7530\u533A" },
      {
        displayName: "Birthday",
        name: "birthday",
        type: options.mapped ? "string" : "dateTime",
        default: "",
        description: "Sent as YYYY-MM-DD"
      },
      ...options.mapped ? [] : [{ displayName: "Name", name: "name", type: "string", default: "" }],
      { displayName: "Phone", name: "phone", type: "string", default: "", placeholder: "e.g. 13528775736" },
      options.mapped ? {
        displayName: "Sex",
        name: "sex",
        type: "string",
        default: "",
        description: "M or F (also accepts male, female)"
      } : SEX,
      ...variables
    ]
  };
}
function readSex(p, value) {
  const text2 = String(value ?? "").trim().toUpperCase();
  if (text2 === "") return "";
  if (text2 === "M" || text2 === "MALE") return "M";
  if (text2 === "F" || text2 === "FEMALE") return "F";
  throw p.fail("sex", `must be M or F, got "${String(value)}"`);
}

// nodes/Umail/resources/address/add.ts
var add = {
  value: "add",
  name: "Add",
  action: "Add an address to a contact list",
  description: "Add one address (contact) to a contact list",
  properties: [
    contactListLocator(),
    {
      displayName: "Email",
      name: "email",
      type: "string",
      placeholder: "name@email.com",
      required: true,
      default: ""
    },
    contactFields()
  ],
  request: (p) => {
    const fields = p.collection("additionalFields");
    const vars = {};
    for (const name of VARIABLES) vars[name] = fields[name] === void 0 ? void 0 : String(fields[name]);
    return {
      endpoint: "mloperate.php",
      do: "ml-addr-add",
      method: "POST",
      qs: { list_id: p.required("contactList") },
      form: {
        address: p.email("email"),
        fullname: fields.name,
        sex: readSex(p, fields.sex),
        birthday: p.date("birthday", fields.birthday ?? ""),
        phone: fields.phone,
        area: fields.area,
        ...vars,
        return_id: 1
      }
    };
  },
  output: (body, p) => ({ id: resultData(body), email: p.email("email"), contactListId: p.required("contactList") })
};

// nodes/Umail/resources/address/addMany.ts
var import_n8n_workflow2 = require("n8n-workflow");
var text = (value) => value === void 0 || value === null ? "" : String(value).trim();
function readSettings(ctx) {
  const p = ctx.params(0);
  const options = p.collection("options");
  const number = (name, fallback, min, max) => p.number(name, { min, max, fallback }) ?? fallback;
  return {
    batchSize: number("options.batchSize", MAX_ROWS_PER_CALL, 1, MAX_ROWS_PER_CALL),
    importAbove: number("options.importAbove", 5e3, 1),
    maxWaitMs: number("options.maxWait", 300, 0) * 1e3,
    onInvalid: options.onInvalid === "skip" ? "skip" : "fail",
    dedupe: options.dedupe !== false,
    continueOnFail: ctx.fn.continueOnFail()
  };
}
function readers(ctx) {
  return {
    contactList: itemReader(ctx.fn, ctx.items, "contactList"),
    email: itemReader(ctx.fn, ctx.items, "email"),
    name: itemReader(ctx.fn, ctx.items, "name"),
    fields: collectionReaders(ctx.fn, ctx.items, "additionalFields")
  };
}
function readContact(p, read, index) {
  const field = (name) => read.fields[name]?.(index);
  const contact = {
    email: p.email("email", read.email(index) ?? ""),
    name: text(read.name(index)),
    sex: readSex(p, field("sex")),
    birthday: p.date("birthday", field("birthday") ?? "") ?? "",
    phone: text(field("phone")),
    area: text(field("area"))
  };
  for (const name of VARIABLES) contact[name] = text(field(name));
  const broken = brokenColumn(contact);
  if (broken) {
    throw p.fail(broken, 'holds a ";", a TAB or a line break, which would shift the columns of its row (U-Mail has no escaping)');
  }
  return contact;
}
function readItem(ctx, read, index) {
  const p = ctx.params(index);
  let contactListId = "";
  try {
    contactListId = text(read.contactList(index));
    if (contactListId === "") throw p.fail("contactList", "is required");
    return { contactListId, contact: readContact(p, read, index) };
  } catch (error) {
    const failure = error instanceof import_n8n_workflow2.NodeOperationError ? error : new import_n8n_workflow2.NodeOperationError(ctx.fn.getNode(), `Item ${index + 1}: ${error.message}`, { itemIndex: index });
    return { contactListId, failure };
  }
}
function chunkError(ctx, error, part, label) {
  const first = part[0].index;
  const last = part[part.length - 1].index;
  if (error instanceof import_n8n_workflow2.NodeApiError) {
    error.message = `Item ${first + 1}: ${label} (items ${first + 1}\u2013${last + 1}) failed: ${error.message}`;
    error.context.itemIndex = first;
    throw new import_n8n_workflow2.NodeApiError(ctx.fn.getNode(), error);
  }
  throw new import_n8n_workflow2.NodeOperationError(ctx.fn.getNode(), error, { itemIndex: first });
}
async function sendChunks(ctx, s, contactListId, group, results, batchNo) {
  for (const part of chunk(group, s.batchSize)) {
    const batch = ++batchNo.n;
    try {
      const message = await addRows(
        async (request) => await ctx.call(request, part[0].index),
        contactListId,
        part.map((entry) => toRow(entry.contact))
      );
      for (const entry of part) {
        results[entry.index] = { email: entry.contact.email, status: "added", contactListId, batch, batchMessage: message };
      }
    } catch (error) {
      if (!s.continueOnFail) chunkError(ctx, error, part, `batch ${batch}`);
      for (const entry of part) {
        results[entry.index] = { email: entry.contact.email, status: "failed", contactListId, batch, error: error.message };
      }
    }
  }
}
async function importGroup(ctx, s, contactListId, group, results) {
  const call = async (request) => await ctx.call(request, group[0].index);
  const fileName = uniqueImportName(contactListId);
  const data = Buffer.from(`${group.map((entry) => toRow(entry.contact)).join("\n")}
`, "utf8");
  let importId;
  try {
    importId = await uploadImport(call, contactListId, fileName, data);
    const state = await waitForImport(call, importId, s.maxWaitMs);
    const counts = state.status === "success" ? await importCounts(call, fileName) : void 0;
    for (const entry of group) {
      results[entry.index] = {
        email: entry.contact.email,
        status: "imported",
        contactListId,
        importId,
        importStatus: state.status,
        importStatus_label: state.status_label,
        ...counts ? { importCounts: counts } : {}
      };
    }
  } catch (error) {
    if (!s.continueOnFail) chunkError(ctx, error, group, importId ? `import ${importId}` : "file import");
    for (const entry of group) {
      results[entry.index] = {
        email: entry.contact.email,
        status: "failed",
        contactListId,
        ...importId ? { importId } : {},
        error: error.message
      };
    }
  }
}
async function runBatch(ctx) {
  if (ctx.items.length === 0) return [];
  const s = readSettings(ctx);
  const fieldReaders = readers(ctx);
  const results = new Array(ctx.items.length);
  const groups = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Map();
  for (let index = 0; index < ctx.items.length; index++) {
    const read = readItem(ctx, fieldReaders, index);
    if ("failure" in read) {
      if (s.onInvalid === "fail" && !s.continueOnFail) throw read.failure;
      const email = text(fieldReaders.email(index));
      const reason = read.failure.message;
      results[index] = { email, status: "rejected", reason, contactListId: read.contactListId };
      if (s.onInvalid === "fail") results[index].error = reason;
      continue;
    }
    const { contactListId, contact } = read;
    const key = `${contactListId}
${contact.email.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== void 0) {
      if (s.dedupe) {
        results[index] = {
          email: contact.email,
          status: "duplicate",
          reason: `Same email as item ${first + 1} for this contact list`,
          contactListId,
          duplicateOf: first + 1
        };
        continue;
      }
    } else {
      seen.set(key, index);
    }
    const group = groups.get(contactListId) ?? [];
    group.push({ index, contactListId, contact });
    groups.set(contactListId, group);
  }
  const batchNo = { n: 0 };
  for (const [contactListId, group] of groups) {
    if (group.length > s.importAbove) await importGroup(ctx, s, contactListId, group, results);
    else await sendChunks(ctx, s, contactListId, group, results, batchNo);
  }
  return results.map((json, index) => ({ json, pairedItem: { item: index } }));
}
var addMany = {
  value: "addMany",
  name: "Add Many",
  action: "Add many addresses to contact lists",
  description: "Add every input item as a contact, in batches of up to 500 or as a file import",
  properties: [
    {
      ...contactListLocator(),
      description: "The list to add each item to; may differ per item (items are grouped by list)"
    },
    {
      displayName: "Email",
      name: "email",
      type: "string",
      required: true,
      default: "={{ $json.email }}",
      description: "The email address of each item"
    },
    {
      displayName: "Name",
      name: "name",
      type: "string",
      default: "={{ $json.name }}",
      description: "The name of each item"
    },
    contactFields({ mapped: true }),
    {
      displayName: "Options",
      name: "options",
      type: "collection",
      placeholder: "Add Option",
      default: {},
      options: [
        {
          displayName: "Batch Size",
          name: "batchSize",
          type: "number",
          typeOptions: { minValue: 1, maxValue: MAX_ROWS_PER_CALL },
          default: MAX_ROWS_PER_CALL,
          description: "Contacts sent per call, at most 500 as U-Mail advises"
        },
        {
          displayName: "Max Import Wait (Seconds)",
          name: "maxWait",
          type: "number",
          typeOptions: { minValue: 0 },
          default: 300,
          description: "How long to wait for a file import to be parsed before returning its current status"
        },
        {
          displayName: "On Invalid Contact",
          name: "onInvalid",
          type: "options",
          options: [
            {
              name: "Fail",
              value: "fail",
              description: "Stop before any request (with Continue On Fail: report the item with an error)"
            },
            { name: "Skip and Report", value: "skip", description: 'Send the others; the item gets status "rejected"' }
          ],
          default: "fail",
          description: 'What to do with an item whose email is invalid or whose values hold ";", TAB or line breaks'
        },
        {
          displayName: "Remove Duplicates",
          name: "dedupe",
          type: "boolean",
          default: true,
          description: 'Whether to send an email only once per contact list and report later copies as "duplicate"'
        },
        {
          displayName: "Use File Import Above (Rows)",
          name: "importAbove",
          type: "number",
          typeOptions: { minValue: 1 },
          default: 5e3,
          description: "Contacts for one list above this count are uploaded as one file import instead of batches"
        }
      ]
    }
  ],
  runBatch
};

// nodes/Umail/resources/address/get.ts
var addressIdField = {
  displayName: "Address ID",
  name: "addressId",
  type: "string",
  required: true,
  default: "",
  placeholder: "e.g. 1024",
  description: "The ID of the address, as Add or Get Many return it"
};
function addressId(p) {
  p.required("addressId");
  return String(p.number("addressId", { min: 1 }));
}
var get = {
  value: "get",
  name: "Get",
  action: "Get an address",
  description: "Get one address (contact) by ID",
  properties: [addressIdField],
  request: (p) => ({
    endpoint: "mloperate.php",
    do: "ml-addr-list",
    qs: { address_id: addressId(p) },
    lists: ["data.addr"]
  }),
  output: (body, p) => {
    const [found] = listAt(body, "data.addr");
    if (!found) throw p.fail("addressId", `matches no address: "${p.required("addressId")}"`);
    return found;
  }
};

// nodes/Umail/resources/address/delete.ts
var deleteAddress = {
  value: "delete",
  name: "Delete",
  action: "Delete an address",
  description: "Delete an address from its contact list",
  properties: [addressIdField],
  request: (p) => ({ endpoint: "mloperate.php", do: "ml-addr-del", qs: { id: addressId(p) } }),
  output: (_body, p) => deleted({ id: addressId(p) })
};

// nodes/Umail/resources/address/getImportHistory.ts
var getImportHistory = {
  value: "getImportHistory",
  name: "Get Import History",
  action: "Get the history of file imports",
  description: "List past file imports with their counts and status",
  properties: [...returnAllFields()],
  request: () => ({ endpoint: "mloperate.php", do: "ml-addr-add-log", lists: ["result.data.address_log"] }),
  output: (body, p) => {
    const imports = listAt(body, "result.data.address_log");
    return limitLocally(imports, p);
  },
  labels: { status: "importLogStatus" }
};

// nodes/Umail/resources/address/getImportStatus.ts
var getImportStatus = {
  value: "getImportStatus",
  name: "Get Import Status",
  action: "Get the status of a file import",
  description: "Whether the service has finished parsing an imported file",
  properties: [
    {
      displayName: "Import ID",
      name: "importId",
      type: "string",
      required: true,
      default: "",
      placeholder: "e.g. 210586",
      description: "The ID Import File returned"
    }
  ],
  run: async (ctx) => {
    ctx.p.required("importId");
    const importId = String(ctx.p.number("importId", { min: 1 }));
    return { ...await importStatus(ctx.call, importId) };
  }
};

// nodes/Umail/resources/address/getMany.ts
function listId(p) {
  const scope = p.string("scope", { fallback: "list" });
  if (scope === "all") return void 0;
  if (scope === "unfiled") return "0";
  return p.required("contactList");
}
var getMany = {
  value: "getMany",
  name: "Get Many",
  action: "Get many addresses",
  description: "List or search the addresses of a contact list, of every list, or of no list",
  properties: [
    {
      displayName: "From",
      name: "scope",
      type: "options",
      options: [
        { name: "All Contact Lists", value: "all", description: "Addresses of every list, unfiled ones included" },
        { name: "One Contact List", value: "list" },
        { name: "Unfiled Addresses", value: "unfiled", description: "Addresses that belong to no list" }
      ],
      default: "list"
    },
    { ...contactListLocator(), displayOptions: { show: { scope: ["list"] } } },
    ...returnAllFields(),
    filtersField([
      {
        displayName: "Search",
        name: "keyword",
        type: "string",
        default: "",
        description: "Only addresses whose email or name contains this text"
      }
    ]),
    simplifyField
  ],
  paging: { pageSize: 50 },
  request: (p, page) => ({
    endpoint: "mloperate.php",
    do: "ml-addr-list",
    qs: {
      list_id: listId(p),
      keyword: p.collection("filters").keyword,
      page: page?.page,
      limit: page ? 50 : void 0
    },
    lists: ["data.addr"]
  }),
  output: (body) => listAt(body, "data.addr"),
  simplify: ["id", "list_id", "address", "fullname", "sex", "birthday", "phone", "area", "time"]
};

// nodes/Umail/resources/address/importFile.ts
async function fileOf(ctx) {
  if (ctx.p.string("source", { fallback: "binary" }) === "text") {
    const rows = ctx.p.required("rows");
    return { fileName: "contacts.txt", data: Buffer.from(`${rows.replace(/\r\n/g, "\n")}
`, "utf8") };
  }
  const property = ctx.p.required("binaryPropertyName");
  const binary = ctx.fn.helpers.assertBinaryData(ctx.itemIndex, property);
  const data = await ctx.fn.helpers.getBinaryDataBuffer(ctx.itemIndex, property);
  return { fileName: binary.fileName ?? "contacts.txt", data };
}
var importFile = {
  value: "importFile",
  name: "Import File",
  action: "Import addresses from a file",
  description: "Import a file of addresses into a contact list, one address a line",
  properties: [
    contactListLocator(),
    {
      displayName: "Source",
      name: "source",
      type: "options",
      options: [
        { name: "Binary File", value: "binary", description: "A file in a binary field of the input item" },
        { name: "Text", value: "text", description: "Rows typed or mapped into a text field" }
      ],
      default: "binary"
    },
    {
      displayName: "Input Binary Field",
      name: "binaryPropertyName",
      type: "string",
      default: "data",
      required: true,
      hint: "The name of the input binary field holding the file",
      displayOptions: { show: { source: ["binary"] } }
    },
    {
      displayName: "Rows",
      name: "rows",
      type: "string",
      typeOptions: { rows: 6 },
      default: "",
      required: true,
      placeholder: "a@example.com;Anna;F;1990-01-31;13500000000;\u5317\u4EAC;var1;var2",
      description: "One address a line: email;name;sex;birthday;phone;area;var1;\u2026;var10",
      displayOptions: { show: { source: ["text"] } }
    },
    {
      displayName: "Wait for Import",
      name: "wait",
      type: "boolean",
      default: false,
      description: "Whether to wait until the service has parsed the file and return its counts"
    },
    {
      displayName: "Max Wait (Seconds)",
      name: "maxWait",
      type: "number",
      typeOptions: { minValue: 1 },
      default: 300,
      description: "How long to wait for the import before returning its current status",
      displayOptions: { show: { wait: [true] } }
    }
  ],
  run: async (ctx) => {
    const contactListId = ctx.p.required("contactList");
    const wait = ctx.p.boolean("wait");
    const maxWait = wait ? ctx.p.number("maxWait", { min: 1, fallback: 300 }) : 0;
    const { fileName, data } = await fileOf(ctx);
    if (data.length === 0) throw ctx.p.fail(ctx.p.string("source") === "text" ? "rows" : "binaryPropertyName", "holds an empty file");
    const importId = await uploadImport(ctx.call, contactListId, fileName, data);
    const out = { importId, contactListId, fileName };
    if (!wait) return out;
    const state = await waitForImport(ctx.call, importId, maxWait * 1e3);
    Object.assign(out, { status: state.status, status_label: state.status_label });
    if (state.status === "success") {
      const counts = await importCounts(ctx.call, fileName);
      if (counts) out.counts = counts;
    }
    return out;
  }
};

// nodes/Umail/resources/address/index.ts
var address = {
  value: "address",
  name: "Address",
  description: "Addresses (contacts) in contact lists",
  defaultOperation: "add",
  operations: [add, addMany, deleteAddress, get, getImportHistory, getImportStatus, getMany, importFile]
};

// nodes/Umail/resources/contactList/create.ts
var create = {
  value: "create",
  name: "Create",
  action: "Create a contact list",
  description: "Create a contact list",
  properties: [
    {
      displayName: "Name",
      name: "name",
      type: "string",
      required: true,
      default: "",
      placeholder: "e.g. Newsletter subscribers"
    },
    {
      displayName: "Status",
      name: "status",
      type: "options",
      options: [
        { name: "Disabled", value: "disabled" },
        { name: "Enabled", value: "enabled" }
      ],
      default: "enabled"
    },
    {
      displayName: "Description",
      name: "description",
      type: "string",
      default: ""
    }
  ],
  request: (p) => ({
    endpoint: "mloperate.php",
    do: "maillist-add",
    method: "POST",
    form: { subject: p.required("name"), status: p.required("status"), description: p.string("description") }
  }),
  output: (body, p) => ({
    id: resultData(body),
    name: p.required("name"),
    status: p.required("status"),
    description: p.string("description") ?? ""
  })
};

// nodes/Umail/resources/contactList/delete.ts
var deleteContactList = {
  value: "delete",
  name: "Delete",
  action: "Delete a contact list",
  description: "Delete a contact list and its addresses",
  properties: [contactListLocator()],
  request: (p) => ({ endpoint: "mloperate.php", do: "maillist-del", qs: { id: p.required("contactList") } }),
  output: (_body, p) => deleted({ id: p.required("contactList") })
};

// nodes/Umail/resources/contactList/empty.ts
var empty = {
  value: "empty",
  name: "Empty",
  action: "Remove every address from a contact list",
  description: "Remove every address from a contact list, keeping the list",
  properties: [contactListLocator()],
  request: (p) => ({ endpoint: "mloperate.php", do: "ml-addr-empty", qs: { list_id: p.required("contactList") } }),
  output: (body, p) => succeeded(body, { id: p.required("contactList"), emptied: true })
};

// nodes/Umail/shared/exports.ts
function csvCell(value) {
  const text2 = value === void 0 || value === null ? "" : String(value);
  return /[",\r\n]/.test(text2) ? `"${text2.replace(/"/g, '""')}"` : text2;
}
function toCsv(rows, columns) {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(","));
  return `${lines.join("\n")}
`;
}
async function rowsOrFile(ctx, rows, columns, fileName) {
  if (ctx.p.string("output", { fallback: "items" }) !== "file") return rows;
  const property = ctx.p.string("binaryPropertyName", { fallback: "data" }) ?? "data";
  const binary = await ctx.fn.helpers.prepareBinaryData(Buffer.from(toCsv(rows, columns), "utf8"), fileName, "text/csv");
  return { items: [{ json: { fileName, rows: rows.length }, binary: { [property]: binary } }] };
}

// nodes/Umail/resources/contactList/exportUnsubscribed.ts
var COLUMNS = ["time", "email"];
var exportUnsubscribed = {
  value: "exportUnsubscribed",
  name: "Export Unsubscribed",
  action: "Export the unsubscribed addresses of a contact list",
  description: "Export who unsubscribed from a contact list, and when",
  properties: [contactListLocator(), exportFormatField, binaryPropertyOutField],
  run: async (ctx) => {
    const listId2 = ctx.p.required("contactList");
    const answer = await ctx.call({
      endpoint: "mloperate.php",
      do: "unsubscribe-export",
      qs: { id: listId2 },
      answer: "text"
    });
    const lines = answer.body;
    const rows = lines.map((line) => ({ ...splitColumns(line, COLUMNS), contactListId: listId2 }));
    return await rowsOrFile(ctx, rows, [...COLUMNS, "contactListId"], `unsubscribed-${listId2}.csv`);
  }
};

// nodes/Umail/resources/contactList/get.ts
var get2 = {
  value: "get",
  name: "Get",
  action: "Get a contact list",
  description: "Get a contact list with its address count",
  properties: [contactListLocator()],
  request: (p) => ({ endpoint: "mloperate.php", do: "maillist-detail", qs: { id: p.required("contactList") } }),
  output: (body) => objectAt(body, "maillist")
};

// nodes/Umail/resources/contactList/getMany.ts
var getMany2 = {
  value: "getMany",
  name: "Get Many",
  action: "Get many contact lists",
  description: "List the contact lists of the account",
  properties: [
    ...returnAllFields(),
    filtersField([
      {
        displayName: "Name Contains",
        name: "search",
        type: "string",
        default: "",
        description: "Only lists whose name contains this text (case-insensitive)"
      },
      {
        displayName: "Status",
        name: "status",
        type: "options",
        options: [
          { name: "Disabled", value: "disabled" },
          { name: "Enabled", value: "enabled" }
        ],
        default: "enabled"
      }
    ])
  ],
  request: () => ({ endpoint: "mloperate.php", do: "maillist-list", lists: ["maillist.item"] }),
  output: (body, p) => {
    const filters = p.collection("filters");
    const search2 = String(filters.search ?? "").toLowerCase();
    const lists = listAt(body, "maillist.item").filter(
      (list) => (!search2 || String(list.subject ?? "").toLowerCase().includes(search2)) && (!filters.status || list.status === filters.status)
    );
    return limitLocally(lists, p);
  }
};

// nodes/Umail/resources/contactList/update.ts
var update = {
  value: "update",
  name: "Update",
  action: "Update a contact list",
  description: "Rename a contact list, change its status or description",
  properties: [
    contactListLocator(),
    {
      displayName: "Update Fields",
      name: "updateFields",
      type: "collection",
      placeholder: "Add Field",
      default: {},
      options: [
        { displayName: "Description", name: "description", type: "string", default: "" },
        { displayName: "Name", name: "name", type: "string", default: "" },
        {
          displayName: "Status",
          name: "status",
          type: "options",
          options: [
            { name: "Disabled", value: "disabled" },
            { name: "Enabled", value: "enabled" }
          ],
          default: "enabled"
        }
      ]
    }
  ],
  request: (p) => {
    const fields = p.collection("updateFields");
    if (!fields.name && !fields.status && fields.description === void 0) {
      throw p.fail("updateFields", 'is empty: add at least one of "Name", "Status", "Description"');
    }
    return {
      endpoint: "mloperate.php",
      do: "maillist-edit",
      method: "POST",
      qs: { id: p.required("contactList") },
      form: {
        subject: fields.name,
        status: fields.status,
        description: fields.description
      }
    };
  },
  output: (body, p) => succeeded(body, { id: p.required("contactList") })
};

// nodes/Umail/resources/contactList/index.ts
var contactList = {
  value: "contactList",
  name: "Contact List",
  description: "Lists of recipients (\u8054\u7CFB\u4EBA\u5206\u7C7B)",
  defaultOperation: "getMany",
  operations: [create, deleteContactList, empty, exportUnsubscribed, get2, getMany2, update]
};

// nodes/Umail/resources/domain/shared.ts
var DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
var domainNameField = {
  displayName: "Domain",
  name: "domain",
  type: "string",
  required: true,
  default: "",
  placeholder: "e.g. mail.example.com"
};
function domainOf(p, name, value = p.raw(name, "")) {
  const domain2 = String(value ?? "").trim().toLowerCase();
  if (domain2 === "") throw p.fail(name, "is required");
  if (!DOMAIN.test(domain2)) throw p.fail(name, `is not a domain name: "${domain2}"`);
  return domain2;
}
var customerIdField = {
  displayName: "Customer ID",
  name: "customerId",
  type: "string",
  required: true,
  default: "",
  placeholder: "e.g. 2369",
  description: "The sub-account (customer) ID. Needs an administrator credential."
};

// nodes/Umail/resources/domain/create.ts
var create2 = {
  value: "create",
  name: "Create",
  action: "Create a domain",
  description: "Add a sender domain; the output tells whether its DNS records are already verified",
  properties: [domainNameField],
  request: (p) => ({ endpoint: "bs.php", do: "customer-domain-add", qs: { domain: domainOf(p, "domain") } }),
  output: (body, p) => ({
    id: resultData(body),
    domain: domainOf(p, "domain"),
    dnsVerified: String(resultOf(body).status) === "success_and_check_ok"
  })
};

// nodes/Umail/shared/administrator.ts
var actAsAdministratorOption = {
  displayName: "Act as Administrator for Customer ID",
  name: "actAsCustomerId",
  type: "string",
  default: "",
  placeholder: "e.g. 2369",
  description: "Administrator accounts only: work on this sub-account's domains and mailboxes instead of your own (sends user_type=manager)"
};
var administratorOptions = {
  displayName: "Options",
  name: "options",
  type: "collection",
  placeholder: "Add Option",
  default: {},
  options: [actAsAdministratorOption]
};
function customerIdOf(p, name, required = false) {
  const id = p.string(name, { required });
  if (id !== void 0 && !/^\d+$/.test(id)) throw p.fail(name, `must be a numeric customer ID, got "${id}"`);
  return id;
}
function administratorQs(p) {
  const customerId = customerIdOf(p, "options.actAsCustomerId");
  return customerId ? { user_type: "manager", customer_id: customerId } : {};
}

// nodes/Umail/resources/domain/createForCustomer.ts
var createForCustomer = {
  value: "createForCustomer",
  name: "Create for Sub-Account",
  action: "Create a domain for a sub-account",
  description: "Add a sender domain to a sub-account (administrator credential needed)",
  properties: [customerIdField, domainNameField],
  request: (p) => ({
    endpoint: "bs.php",
    do: "domain-add",
    qs: { customer_id: customerIdOf(p, "customerId", true), domain: domainOf(p, "domain") }
  }),
  output: (body, p) => {
    const data = resultData(body);
    return succeeded(body, {
      .../^\d+$/.test(data) ? { id: data } : {},
      domain: domainOf(p, "domain"),
      customerId: customerIdOf(p, "customerId", true)
    });
  }
};

// nodes/Umail/resources/domain/delete.ts
var deleteDomain = {
  value: "delete",
  name: "Delete",
  action: "Delete a domain",
  description: "Delete a sender domain. Domains whose DNS is verified cannot be deleted.",
  properties: [domainLocator()],
  request: (p) => ({ endpoint: "bs.php", do: "customer-domain-del", qs: { domain: domainOf(p, "domain") } }),
  output: (_body, p) => deleted({ domain: domainOf(p, "domain") })
};

// nodes/Umail/resources/domain/deleteForCustomer.ts
var deleteForCustomer = {
  value: "deleteForCustomer",
  name: "Delete for Sub-Account",
  action: "Delete a domain of a sub-account",
  description: "Remove a sender domain from a sub-account (administrator credential needed)",
  properties: [customerIdField, domainNameField],
  request: (p) => ({
    endpoint: "bs.php",
    do: "domain-del",
    qs: { customer_id: customerIdOf(p, "customerId", true), domain: domainOf(p, "domain") }
  }),
  output: (_body, p) => deleted({ domain: domainOf(p, "domain"), customerId: customerIdOf(p, "customerId", true) })
};

// nodes/Umail/resources/domain/getMany.ts
var getMany3 = {
  value: "getMany",
  name: "Get Many",
  action: "Get many domains",
  description: "List the sender domains: your own and the system domains (customer_id 0) everyone may use",
  properties: [...returnAllFields(), administratorOptions],
  request: (p) => ({
    endpoint: "bs.php",
    do: "domain-list",
    qs: administratorQs(p),
    lists: ["domain_list.data"]
  }),
  output: (body, p) => {
    const domains = listAt(body, "domain_list.data").map((domain2) => ({
      ...domain2,
      isSystem: String(domain2.customer_id) === "0"
    }));
    return limitLocally(domains, p);
  }
};

// nodes/Umail/resources/domain/verifyDns.ts
var verifyDns = {
  value: "verifyDns",
  name: "Verify DNS",
  action: "Verify the DNS records of domains",
  description: "Check the SPF, MX and DKIM records of one or more domains",
  properties: [
    {
      displayName: "Domains",
      name: "domains",
      type: "string",
      required: true,
      default: "",
      placeholder: "e.g. example.com, mail.example.org",
      description: "Domains to check, separated by commas"
    }
  ],
  request: (p) => {
    const domains = p.list("domains").map((domain2) => domainOf(p, "domains", domain2));
    if (!domains.length) throw p.fail("domains", "is required");
    return { endpoint: "bs.php", do: "domain-check", method: "POST", form: { domains: domains.join(",") }, lists: ["domain_list.domain"] };
  },
  output: (body) => listAt(body, "domain_list.domain").map((entry) => ({
    domain: entry.val,
    ...entry,
    inSystem: String(entry.domain_id ?? "0") !== "0",
    dnsVerified: ["1", "3"].includes(String(entry.status))
  })),
  labels: { status: "domainCheck" }
};

// nodes/Umail/resources/domain/index.ts
var domain = {
  value: "domain",
  name: "Domain",
  description: "Sender domains and their DNS verification",
  defaultOperation: "getMany",
  operations: [create2, createForCustomer, deleteDomain, deleteForCustomer, getMany3, verifyDns]
};

// nodes/Umail/resources/mailbox/create.ts
var create3 = {
  value: "create",
  name: "Create",
  action: "Create a mailbox",
  description: "Add a sender mailbox to one of your domains",
  properties: [
    {
      displayName: "Mailbox",
      name: "mailbox",
      type: "string",
      placeholder: "e.g. news@mail.example.com",
      required: true,
      default: "",
      description: "The full address of the new mailbox"
    },
    {
      displayName: "Password",
      name: "password",
      type: "string",
      typeOptions: { password: true },
      required: true,
      default: ""
    },
    administratorOptions
  ],
  request: (p) => ({
    endpoint: "bs.php",
    do: "mailbox-add",
    qs: { mailbox: p.email("mailbox"), pwd: p.required("password"), ...administratorQs(p) }
  }),
  output: (body, p) => succeeded(body, { mailbox: p.email("mailbox"), enabled: true })
};

// nodes/Umail/resources/mailbox/shared.ts
var pickerDomainField = {
  ...domainLocator({ required: false }),
  description: 'The domain whose mailboxes "From List" shows below. Not sent.'
};
function mailboxRecord(mailbox2) {
  const status2 = String(mailbox2.status ?? "").toLowerCase();
  return { ...mailbox2, enabled: status2 === "true" || status2 === "1" };
}

// nodes/Umail/resources/mailbox/delete.ts
var deleteMailbox = {
  value: "delete",
  name: "Delete",
  action: "Delete a mailbox",
  description: "Delete a sender mailbox",
  properties: [pickerDomainField, mailboxLocator(), administratorOptions],
  request: (p) => ({
    endpoint: "bs.php",
    do: "mailbox-del",
    qs: { mailbox: p.email("mailbox"), ...administratorQs(p) }
  }),
  output: (_body, p) => deleted({ mailbox: p.email("mailbox") })
};

// nodes/Umail/resources/mailbox/getMany.ts
var PAGE = 30;
var getMany4 = {
  value: "getMany",
  name: "Get Many",
  action: "Get many mailboxes",
  description: "List the sender mailboxes of a domain",
  properties: [domainLocator(), ...returnAllFields(), administratorOptions],
  paging: { pageSize: PAGE },
  request: (p, page = { page: 1, limit: PAGE }) => ({
    endpoint: "bs.php",
    do: "mailbox-list",
    qs: {
      domain: domainOf(p, "domain"),
      ...administratorQs(p),
      page: page.page,
      limit: page.limit
    },
    lists: ["mailbox_list.data"]
  }),
  output: (body) => listAt(body, "mailbox_list.data").map(mailboxRecord)
};

// nodes/Umail/resources/mailbox/update.ts
var update2 = {
  value: "update",
  name: "Update",
  action: "Update a mailbox",
  description: "Change the password of a sender mailbox, or enable or disable it",
  properties: [
    pickerDomainField,
    mailboxLocator(),
    {
      displayName: "Update Fields",
      name: "updateFields",
      type: "collection",
      placeholder: "Add Field",
      default: {},
      options: [
        {
          displayName: "Password",
          name: "password",
          type: "string",
          typeOptions: { password: true },
          default: ""
        },
        {
          displayName: "Status",
          name: "status",
          type: "options",
          options: [
            { name: "Disabled", value: "0", description: "The mailbox cannot send" },
            { name: "Enabled", value: "1", description: "The mailbox can send" }
          ],
          default: "1"
        }
      ]
    },
    administratorOptions
  ],
  request: (p) => {
    const password = p.string("updateFields.password");
    const status2 = p.string("updateFields.status");
    p.oneOf({ password, status: status2 }, "updateFields");
    return {
      endpoint: "bs.php",
      do: "mailbox-edit",
      qs: { mailbox: p.email("mailbox"), pwd: password, status: status2, ...administratorQs(p) }
    };
  },
  output: (body, p) => {
    const status2 = p.string("updateFields.status");
    return succeeded(body, {
      mailbox: p.email("mailbox"),
      ...status2 !== void 0 ? { enabled: status2 === "1" } : {},
      ...p.string("updateFields.password") ? { passwordChanged: true } : {}
    });
  }
};

// nodes/Umail/resources/mailbox/index.ts
var mailbox = {
  value: "mailbox",
  name: "Mailbox",
  description: "Sender mailboxes of a domain",
  defaultOperation: "getMany",
  operations: [create3, deleteMailbox, getMany4, update2]
};

// nodes/Umail/shared/reports.ts
var TASK_DESCRIPTION = "The send task: its send ID, returned by Task \u2192 Create (not the statistics task ID nor the tracking ID)";
var BATCH_NUMBER_DESCRIPTION = 'The batch number ("ident") of a send task, e.g. 20120302-362-F9B1E5. Tracking \u2192 Get Overview returns it for a task.';
var batchNumberField = {
  displayName: "Batch Number",
  name: "batchNumber",
  type: "string",
  default: "",
  placeholder: "e.g. 20120302-362-F9B1E5",
  description: BATCH_NUMBER_DESCRIPTION
};
var MODE_OPTIONS = {
  batchNumber: { name: "Batch Number", value: "batchNumber", description: "One task, by its batch number (ident)" },
  date: { name: "Send Date", value: "date", description: "Every task sent on a day or in a date range" },
  statisticsTaskId: {
    name: "Statistics Task ID",
    value: "statisticsTaskId",
    description: "The statistics task ID(s) that Tracking \u2192 Get Overview returns for a task"
  },
  task: { name: "Task", value: "task", description: "One task, picked from the list or by its send ID" }
};
function taskSelectorFields(modes, dateHint = "tasks") {
  const fields = [
    {
      displayName: "Select By",
      name: "selectBy",
      type: "options",
      noDataExpression: true,
      options: modes.map((mode) => MODE_OPTIONS[mode]).sort((a, b) => a.name.localeCompare(b.name)),
      default: modes[0]
    }
  ];
  if (modes.includes("date")) {
    fields.push(
      {
        displayName: "Date",
        name: "date",
        type: "dateTime",
        default: "",
        description: `The day of the ${dateHint}, or the first day when End Date is set. Sent as YYYY-MM-DD.`,
        displayOptions: { show: { selectBy: ["date"] } }
      },
      {
        displayName: "End Date",
        name: "dateEnd",
        type: "dateTime",
        default: "",
        description: `The last day of the ${dateHint}. Sent as YYYY-MM-DD.`,
        displayOptions: { show: { selectBy: ["date"] } }
      }
    );
  }
  if (modes.includes("task")) {
    fields.push({
      ...taskLocator({ description: TASK_DESCRIPTION }),
      displayOptions: { show: { selectBy: ["task"] } }
    });
  }
  if (modes.includes("batchNumber")) {
    fields.push({ ...batchNumberField, required: true, displayOptions: { show: { selectBy: ["batchNumber"] } } });
  }
  if (modes.includes("statisticsTaskId")) {
    fields.push({
      displayName: "Statistics Task ID",
      name: "statisticsTaskId",
      type: "string",
      required: true,
      default: "",
      placeholder: "e.g. 1036770",
      description: 'The statistics task ID ("statistics_task_ids" of Tracking \u2192 Get Overview), not the send ID. A task with several templates has several: separate them with commas.',
      displayOptions: { show: { selectBy: ["statisticsTaskId"] } }
    });
  }
  return fields;
}
function readTaskSelection(p) {
  const mode = p.string("selectBy") ?? "task";
  if (mode === "date") {
    const date = p.date("date");
    const dateEnd = p.date("dateEnd");
    p.oneOf({ date, dateEnd });
    return { mode, date, dateEnd };
  }
  if (mode === "batchNumber") return { mode, ident: p.required("batchNumber") };
  if (mode === "statisticsTaskId") return { mode, statisticsTaskId: p.list("statisticsTaskId").join(",") || p.required("statisticsTaskId") };
  return { mode, id: p.required("task") };
}
function isHeader(line) {
  return !line.includes("@");
}
function cellsOf(line) {
  const separator = line.includes("	") ? "	" : line.includes(",") ? "," : ";";
  const cells = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (char === separator) {
      cells.push(cell.trim());
      cell = "";
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}
function rowsOfLines(lines, fallbackColumns) {
  if (lines.length === 0) return [];
  const header = isHeader(lines[0]);
  const columns = header ? cellsOf(lines[0]) : fallbackColumns;
  return (header ? lines.slice(1) : lines).map((line) => {
    const cells = cellsOf(line);
    const row = {};
    columns.forEach((column, index) => {
      row[column] = cells[index] ?? "";
    });
    return row;
  });
}
async function fileOfLines(ctx, lines, fileName) {
  const property = ctx.p.string("binaryPropertyName", { fallback: "data" }) ?? "data";
  const text2 = lines.length ? `${lines.join("\n")}
` : "";
  const binary = await ctx.fn.helpers.prepareBinaryData(Buffer.from(text2, "utf8"), fileName, "text/csv");
  const rows = lines.length && isHeader(lines[0]) ? lines.length - 1 : lines.length;
  return { items: [{ json: { fileName, rows }, binary: { [property]: binary } }] };
}
function trackOverviewRequest(selection) {
  return {
    endpoint: "track.php",
    do: "overview",
    qs: { id: selection.id, ident: selection.ident },
    lists: ["track.link_statistic.link"]
  };
}

// nodes/Umail/resources/statistics/failedExport.ts
var TASK_ONLY_TYPES = /* @__PURE__ */ new Set(["1", "2", "3"]);
var failedExportFields = [
  {
    displayName: "Failure Type",
    name: "failureType",
    type: "options",
    options: codeOptions("failureType", [{ name: "All Failures (-1)", value: "-1" }]),
    default: "-1",
    description: 'Which failures to export. "Mailbox does not exist", "Mailbox full" and "User rejected" can only be exported for a task, not for dates.'
  },
  ...taskSelectorFields(["date", "task", "batchNumber", "statisticsTaskId"], "sending"),
  exportFormatField,
  binaryPropertyOutField,
  {
    displayName: "Options",
    name: "options",
    type: "collection",
    placeholder: "Add Option",
    default: {},
    options: [
      {
        displayName: "Keep Duplicates",
        name: "keepDuplicates",
        type: "boolean",
        default: false,
        description: "Whether to keep an address each time it failed, instead of once"
      }
    ]
  }
];
async function runFailedExport(ctx, endpoint, toRow2) {
  const { p } = ctx;
  const type = p.required("failureType");
  const selection = readTaskSelection(p);
  if (selection.mode === "date" && TASK_ONLY_TYPES.has(type)) {
    throw p.fail("failureType", 'can only be exported for a task: set "Select By" to a task, not to "Send Date"');
  }
  const asFile = p.string("output", { fallback: "items" }) === "file";
  const options = p.collection("options");
  let ident = selection.ident;
  if (selection.mode === "task") {
    const overview = await ctx.call(trackOverviewRequest({ id: selection.id }));
    ident = String(objectAt(overview.body, "track").task_sn ?? "");
    if (!ident) throw p.fail("task", `has no batch number yet: "${selection.id}" was not sent`);
  }
  const answer = await ctx.call({
    endpoint,
    qs: {
      type,
      date: selection.date,
      date_end: selection.dateEnd,
      task_id: selection.statisticsTaskId,
      task_ident: ident,
      is_repeat: options.keepDuplicates === true ? 1 : void 0,
      out_type: asFile ? "file" : "json"
    },
    answer: asFile ? "text" : "json"
  });
  const name = endpoint.replace(".php", "");
  if (asFile) return await fileOfLines(ctx, answer.body, `${name}-${ident ?? selection.statisticsTaskId ?? selection.date ?? selection.dateEnd}.csv`);
  return (Array.isArray(answer.body) ? answer.body : []).map(toRow2);
}

// nodes/Umail/resources/statistics/exportFailedAddresses.ts
var exportFailedAddresses = {
  value: "exportFailedAddresses",
  name: "Export Failed Addresses",
  action: "Export the addresses that failed",
  description: "Export the addresses that failed, of a day, a date range or a task. To get the failure type of each address, use Export Failed Addresses With Type.",
  properties: failedExportFields,
  run: async (ctx) => await runFailedExport(ctx, "failexport.php", (entry) => ({ email: String(entry) }))
};

// nodes/Umail/resources/statistics/exportFailedAddressesWithType.ts
var exportFailedAddressesWithType = {
  value: "exportFailedAddressesWithType",
  name: "Export Failed Addresses With Type",
  action: "Export the failed addresses with their failure type",
  description: 'Export the addresses that failed with the failure type (code and label) and the statistics task ID ("task_id", not the send ID)',
  properties: failedExportFields,
  run: async (ctx) => await runFailedExport(ctx, "failexportall.php", (entry) => ({ ...entry })),
  labels: { type: "failureType" }
};

// nodes/Umail/resources/statistics/getBilling.ts
var getBilling = {
  value: "getBilling",
  name: "Get Billing",
  action: "Get the points deducted and rebated per task",
  description: 'List per task: addresses sent, failed and invalid, points deducted ("actual") and rebated ("rebate"); actual minus rebate is what was charged',
  properties: [...taskSelectorFields(["date", "task", "batchNumber"], "send tasks"), ...returnAllFields()],
  request: (p) => {
    const selection = readTaskSelection(p);
    return {
      endpoint: "stask.php",
      qs: { date: selection.date, date_end: selection.dateEnd, id: selection.id, ident: selection.ident },
      lists: ["data.task"]
    };
  },
  output: (body, p) => limitLocally(listAt(body, "data.task"), p)
};

// nodes/Umail/resources/statistics/getDaily.ts
var getDaily = {
  value: "getDaily",
  name: "Get Daily",
  action: "Get the sending statistics of a day",
  description: "Get the totals of a day: sent, failed, invalid and blacklisted addresses, complaints, points deducted",
  properties: [dateField("date", "Date", "The day to report on", true)],
  request: (p) => {
    const date = p.date("date");
    if (!date) throw p.fail("date", "is required");
    return { endpoint: "statistic.php", qs: { date } };
  },
  output: (body) => objectAt(body, "statistic")
};

// nodes/Umail/resources/statistics/getDeductions.ts
var getDeductions = {
  value: "getDeductions",
  name: "Get Deductions",
  action: "Get the points deducted on a day",
  description: "List the points deducted on a day, by kind of deduction. For one task use Get Billing.",
  properties: [dateField("date", "Date", "The day to report on", true), ...returnAllFields()],
  request: (p) => {
    const date = p.date("date");
    if (!date) throw p.fail("date", "is required");
    return { endpoint: "deduction.php", qs: { date }, lists: ["data.list"] };
  },
  output: (body, p) => limitLocally(listAt(body, "data.list"), p)
};

// nodes/Umail/resources/statistics/getManySentTasks.ts
var PAGE_SIZE = 20;
var getManySentTasks = {
  value: "getManySentTasks",
  name: "Get Many Sent Tasks",
  action: "Get many sent tasks with their counts",
  description: "List send tasks of a day or date range, or one task, with sent and failed counts",
  properties: [
    ...taskSelectorFields(["date", "task", "batchNumber"], "send tasks"),
    ...returnAllFields(),
    filtersField([
      codeField("status", "Send Status", "sendStatus", {
        default: "3",
        description: "Only tasks in this send status"
      })
    ]),
    simplifyField
  ],
  paging: { pageSize: PAGE_SIZE },
  request: (p, page) => {
    const selection = readTaskSelection(p);
    const filters = p.collection("filters");
    return {
      endpoint: "task.php",
      do: "list-task",
      qs: {
        date: selection.date,
        date_end: selection.dateEnd,
        id: selection.id,
        ident: selection.ident,
        state: filters.status,
        page: page?.page,
        limit: page?.limit
      },
      lists: ["task_list.task"]
    };
  },
  output: (body) => listAt(body, "task_list.task"),
  labels: { send_status: "sendStatus", track_status: "trackStatus" },
  simplify: ["id", "sn", "tpl_name", "list_name", "send_time", "send_status", "time_end", "send_count", "error_count"]
};

// nodes/Umail/resources/statistics/getSendLog.ts
var getSendLog = {
  value: "getSendLog",
  name: "Get Send Log",
  action: "Get the send log of a day",
  description: "List the messages sent on a day, optionally only those to one recipient",
  properties: [
    dateField("date", "Date", "The day of the log", true),
    {
      displayName: "Recipient",
      name: "recipient",
      type: "string",
      placeholder: "e.g. name@example.com",
      default: "",
      description: "Only messages sent to this address"
    },
    ...returnAllFields()
  ],
  request: (p) => {
    const date = p.date("date");
    if (!date) throw p.fail("date", "is required");
    const recipient = p.string("recipient");
    return {
      endpoint: "maillog.php",
      qs: { date, mail_to: recipient === void 0 ? void 0 : p.email("recipient", recipient) },
      answer: "json"
    };
  },
  output: (body, p) => {
    const lists = body?.lists;
    const records = (Array.isArray(lists) ? lists : []).filter((entry) => entry && typeof entry === "object");
    return limitLocally(records, p);
  },
  labels: { error_type: "failureType" }
};

// nodes/Umail/resources/statistics/index.ts
var statistics = {
  value: "statistics",
  name: "Statistic",
  description: "Sending statistics, billing and exports of failed addresses",
  defaultOperation: "getDaily",
  operations: [
    exportFailedAddresses,
    exportFailedAddressesWithType,
    getBilling,
    getDaily,
    getDeductions,
    getManySentTasks,
    getSendLog
  ]
};

// nodes/Umail/shared/params.ts
var import_n8n_workflow3 = require("n8n-workflow");
var EMAIL = /^[^\s@;,<>"']+@[^\s@;,<>"']+\.[^\s@;,<>"']+$/;
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isEmail(value) {
  return EMAIL.test(value);
}
function isDateLike(value) {
  return typeof value === "object" && value !== null && typeof value.toFormat === "function";
}
function validDay(year, month, day) {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
function labelsOf(properties, into = /* @__PURE__ */ new Map()) {
  for (const property of properties) {
    if (!into.has(property.name)) into.set(property.name, property.displayName);
    for (const option of property.options ?? []) {
      if ("displayName" in option && "name" in option && "type" in option) {
        labelsOf([option], into);
      } else if ("values" in option) {
        labelsOf(option.values, into);
      }
    }
  }
  return into;
}
var LABELS = /* @__PURE__ */ new WeakMap();
var Params = class {
  constructor(fn, itemIndex, properties) {
    this.fn = fn;
    this.itemIndex = itemIndex;
    let labels = LABELS.get(properties);
    if (!labels) {
      labels = labelsOf(properties);
      LABELS.set(properties, labels);
    }
    this.labels = labels;
  }
  fn;
  itemIndex;
  labels;
  label(name) {
    const leaf = name.split(".").pop() ?? name;
    return this.labels.get(leaf) ?? leaf;
  }
  fail(name, problem) {
    return new import_n8n_workflow3.NodeOperationError(this.fn.getNode(), `Item ${this.itemIndex + 1}: "${this.label(name)}" ${problem}`, {
      itemIndex: this.itemIndex,
      description: `Check the "${this.label(name)}" field of the node for input item ${this.itemIndex + 1}.`
    });
  }
  raw(name, fallback) {
    return this.fn.getNodeParameter(name, this.itemIndex, fallback === void 0 ? null : fallback, {
      extractValue: true
    });
  }
  /** a string, trimmed; empty → undefined unless required */
  string(name, options = {}) {
    const value = this.raw(name, options.fallback ?? "");
    const text2 = value === void 0 || value === null ? "" : String(value).trim();
    if (text2 === "") {
      if (options.required) throw this.fail(name, "is required");
      return void 0;
    }
    return text2;
  }
  required(name) {
    return this.string(name, { required: true });
  }
  boolean(name, fallback = false) {
    return Boolean(this.raw(name, fallback));
  }
  number(name, options = {}) {
    const value = this.raw(name, options.fallback);
    if (value === void 0 || value === null || value === "") return void 0;
    const number = Number(value);
    if (!Number.isFinite(number) || !Number.isInteger(number)) throw this.fail(name, `must be a whole number, got "${String(value)}"`);
    if (options.min !== void 0 && number < options.min) throw this.fail(name, `must be at least ${options.min}, got ${number}`);
    if (options.max !== void 0 && number > options.max) throw this.fail(name, `must be at most ${options.max}, got ${number}`);
    return number;
  }
  collection(name) {
    return this.raw(name, {}) ?? {};
  }
  /**
   * A calendar day as the API wants it: YYYY-MM-DD (from a date picker, an ISO string or a Luxon DateTime).
   * A value passed in (even undefined) is used instead of reading the parameter.
   */
  date(name, ...given) {
    const value = given.length > 0 ? given[0] : this.raw(name, "");
    if (value === void 0 || value === null || value === "") return void 0;
    if (isDateLike(value)) return value.toFormat("yyyy-MM-dd");
    const text2 = String(value).trim();
    const day = text2.slice(0, 10);
    const match = DATE.exec(day);
    const rest = text2.slice(10);
    if (!match || rest !== "" && !/^[T ]/.test(rest)) throw this.fail(name, `must be a date as YYYY-MM-DD, got "${text2}"`);
    if (!validDay(Number(match[1]), Number(match[2]), Number(match[3]))) throw this.fail(name, `is not a real date: "${day}"`);
    return day;
  }
  /** A send time as the API wants it: YYYY-MM-DD HH:mm. */
  dateTime(name, ...given) {
    const value = given.length > 0 ? given[0] : this.raw(name, "");
    if (value === void 0 || value === null || value === "") return void 0;
    if (isDateLike(value)) return value.toFormat("yyyy-MM-dd HH:mm");
    const text2 = String(value).trim();
    const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text2);
    if (!match) throw this.fail(name, `must be a date and time as YYYY-MM-DD HH:mm, got "${text2}"`);
    const day = this.date(name, match[1]);
    const hour = match[2] ?? "00";
    const minute = match[3] ?? "00";
    if (Number(hour) > 23 || Number(minute) > 59) throw this.fail(name, `has an impossible time: "${text2}"`);
    return `${day} ${hour}:${minute}`;
  }
  email(name, ...given) {
    const value = given.length > 0 ? given[0] : this.raw(name, "");
    const text2 = String(value ?? "").trim();
    if (text2 === "") throw this.fail(name, "is required");
    if (!isEmail(text2)) throw this.fail(name, `is not a valid email address: "${text2}"`);
    return text2;
  }
  /** a comma list of ids or emails → trimmed entries */
  list(name, ...given) {
    const value = given.length > 0 ? given[0] : this.raw(name, "");
    const entries = Array.isArray(value) ? value : String(value ?? "").split(/[,\n]/);
    return entries.map((entry) => String(entry).trim()).filter((entry) => entry !== "");
  }
  /** At least one of several alternative parameters must be set; the message lists the choices. */
  oneOf(values, field = Object.keys(values)[0]) {
    const given = Object.values(values).some((value) => value !== void 0 && value !== "" && value !== null);
    if (!given) {
      const choices = Object.keys(values).map((name) => `"${this.label(name)}"`).join(", ");
      throw this.fail(field, `is missing: set one of ${choices}`);
    }
  }
};

// nodes/Umail/resources/subscription/subscribe.ts
function readMany(p) {
  const lines = String(p.raw("subscribers", "") ?? "").split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "");
  if (lines.length === 0) throw p.fail("subscribers", "is required");
  return lines.map((line, index) => {
    const [, email, name = ""] = /^([^\t,]*)(?:[\t,](.*))?$/.exec(line) ?? [];
    if (!email) throw p.fail("subscribers", `line ${index + 1} has no email: "${line}"`);
    const address2 = email.trim();
    if (!isEmail(address2)) {
      throw p.fail("subscribers", `line ${index + 1} is not a valid email address: "${address2}"`);
    }
    return { email: address2, name: name.trim() };
  });
}
function subscribers(p) {
  if (p.string("mode", { fallback: "one" }) === "many") return readMany(p);
  const name = p.string("name") ?? "";
  if (/[\t\r\n;]/.test(name)) throw p.fail("name", 'may not hold ";", a TAB or a line break');
  return [{ email: p.email("email"), name }];
}
var subscribe = {
  value: "subscribe",
  name: "Subscribe",
  action: "Subscribe addresses to a list",
  description: "Add one or many addresses to a subscription list",
  properties: [
    contactListLocator({ displayName: "Contact List", description: "The subscription list" }),
    {
      displayName: "Subscribe",
      name: "mode",
      type: "options",
      options: [
        { name: "One Address", value: "one" },
        { name: "Many Addresses", value: "many" }
      ],
      default: "one"
    },
    {
      displayName: "Email",
      name: "email",
      type: "string",
      placeholder: "name@email.com",
      required: true,
      default: "",
      displayOptions: { show: { mode: ["one"] } }
    },
    {
      displayName: "Name",
      name: "name",
      type: "string",
      default: "",
      description: "The name of the subscriber; empty = the part of the email before @",
      displayOptions: { show: { mode: ["one"] } }
    },
    {
      displayName: "Subscribers",
      name: "subscribers",
      type: "string",
      typeOptions: { rows: 6 },
      required: true,
      default: "",
      placeholder: "anna@example.com,Anna\nben@example.com",
      description: "One subscriber a line: email, or email and name separated by a comma or TAB",
      displayOptions: { show: { mode: ["many"] } }
    }
  ],
  request: (p) => {
    const list = subscribers(p);
    const many = p.string("mode", { fallback: "one" }) === "many";
    return {
      endpoint: "mloperate.php",
      do: "ml-sub",
      method: "POST",
      qs: { list_id: p.required("contactList") },
      form: many ? { maillist: list.map((entry) => entry.name ? `${entry.email}	${entry.name}` : entry.email).join("\n") } : { address: list[0].email, name: list[0].name }
    };
  },
  output: (body, p) => {
    const list = subscribers(p);
    return succeeded(body, { contactListId: p.required("contactList"), emails: list.map((entry) => entry.email) });
  }
};

// nodes/Umail/resources/subscription/unsubscribe.ts
function emails(p) {
  const list = p.list("emails");
  if (list.length === 0) throw p.fail("emails", "is required");
  for (const email of list) p.email("emails", email);
  return list;
}
var unsubscribe = {
  value: "unsubscribe",
  name: "Unsubscribe",
  action: "Unsubscribe addresses from a list",
  description: "Remove one or many addresses from a subscription list",
  properties: [
    contactListLocator({ displayName: "Contact List", description: "The subscription list" }),
    {
      displayName: "Emails",
      name: "emails",
      type: "string",
      typeOptions: { rows: 3 },
      required: true,
      default: "",
      placeholder: "anna@example.com, ben@example.com",
      description: "One email, a comma-separated list, or one email a line"
    }
  ],
  request: (p) => ({
    endpoint: "mloperate.php",
    do: "ml-unsub",
    method: "POST",
    qs: { list_id: p.required("contactList") },
    form: { address: emails(p).join("\n") }
  }),
  output: (body, p) => succeeded(body, { contactListId: p.required("contactList"), emails: emails(p) })
};

// nodes/Umail/resources/subscription/index.ts
var subscription = {
  value: "subscription",
  name: "Subscription",
  description: "Subscribe and unsubscribe addresses",
  defaultOperation: "subscribe",
  operations: [subscribe, unsubscribe]
};

// nodes/Umail/resources/task/rateLimit.ts
var import_n8n_workflow4 = require("n8n-workflow");
var LIMIT_WORDS = /limit|frequen|too_?many|次数|100\s*次/i;
function clarifyRateLimit(ctx, error) {
  if (!(error instanceof import_n8n_workflow4.NodeApiError)) return new import_n8n_workflow4.NodeApiError(ctx.fn.getNode(), error);
  const response = error.errorResponse ?? {};
  const status2 = String(response.status ?? "");
  const data = String(response.data ?? "");
  if (!LIMIT_WORDS.test(`${status2} ${data}`)) return error;
  return new import_n8n_workflow4.NodeApiError(
    ctx.fn.getNode(),
    { ...response },
    {
      message: "U-Mail allows at most 100 send tasks to be created an hour, and this limit is reached",
      description: `Wait before creating more tasks, or create fewer tasks with more contact lists each. Server answer: ${status2}${data ? ` (${data})` : ""}`,
      itemIndex: ctx.itemIndex
    }
  );
}

// nodes/Umail/resources/task/shared.ts
var TASK_LISTS = ["task_list.task", "task_list.task.templates.template", "task_list.task.listes.item"];
var TASK_LABELS = { send_status: "sendStatus", verify_status: "verifyStatus", track_status: "trackStatus" };
var TASK_SIMPLE = [
  "id",
  "sn",
  "sender",
  "sender_name",
  "templates",
  "contact_lists",
  "send_time",
  "send_count",
  "error_count",
  "send_status",
  "verify_status",
  "track_status"
];
function taskRecord(task2) {
  const { templates, listes, ...rest } = task2;
  const templateList = templates?.template ?? [];
  const contactLists = listes?.item ?? [];
  return { ...rest, templates: templateList, contact_lists: contactLists };
}
function idsOf(p, name, value = p.raw(name, "")) {
  const ids2 = p.list(name, value);
  const bad = ids2.find((id) => !/^\d+$/.test(id));
  if (bad !== void 0) throw p.fail(name, `must hold numeric IDs separated by commas, got "${bad}"`);
  return ids2;
}
function flagOf(p, name) {
  const value = p.raw(name, null);
  return value === void 0 || value === null || value === "" ? void 0 : Boolean(value);
}
function numberOf(p, name, range) {
  const value = p.raw(name, null);
  return value === void 0 || value === null || value === "" ? void 0 : p.number(name, range);
}
var bit = (value) => value === void 0 ? void 0 : value ? 1 : 0;
function sendOptionsForm(p, collection) {
  const at = (name) => `${collection}.${name}`;
  const start = numberOf(p, at("rangeStart"), { min: 1 });
  const end = numberOf(p, at("rangeEnd"), { min: 0 });
  if (start !== void 0 && end !== void 0 && end > 0 && end < start) {
    throw p.fail(at("rangeEnd"), `must be 0 (to the end) or at least "${p.label("rangeStart")}" (${start}), got ${end}`);
  }
  const replyTo = p.string(at("replyTo"));
  const trackingDomain2 = p.string(at("trackingDomain"));
  return {
    send_qty_start: start,
    send_qty: end,
    subs_link: bit(flagOf(p, at("unsubscribeLink"))),
    track_status: p.string(at("trackStatus")),
    track_domain: trackingDomain2 === void 0 ? void 0 : domainOf(p, at("trackingDomain"), trackingDomain2),
    send_replyto: replyTo === void 0 ? void 0 : p.email(at("replyTo"), replyTo),
    hour_speed: numberOf(p, at("hourSpeed"), { min: 100, max: 75e3 }),
    is_need_receipt: bit(flagOf(p, at("readReceipt")))
  };
}
var sendOptionFields = [
  {
    displayName: "Delay When Spam Rate Is High",
    name: "delayOnSpam",
    type: "boolean",
    default: false,
    description: "Whether U-Mail should spread sending to a recipient domain over the next day, rather than stop, when that domain reports too much spam"
  },
  {
    displayName: "Hourly Speed",
    name: "hourSpeed",
    type: "number",
    typeOptions: { minValue: 100, maxValue: 75e3 },
    default: 1e4,
    description: "Most mails sent an hour, 100 to 75000"
  },
  {
    displayName: "Read Receipt",
    name: "readReceipt",
    type: "boolean",
    default: false,
    description: "Whether to ask for read receipts (needs the read receipt service on the account)"
  },
  {
    displayName: "Reply-To",
    name: "replyTo",
    type: "string",
    placeholder: "e.g. reply@example.com",
    default: ""
  },
  {
    displayName: "Start at Address Number",
    name: "rangeStart",
    type: "number",
    typeOptions: { minValue: 1 },
    default: 1,
    description: "Send from this address of the contact lists on (1 = the first)"
  },
  {
    displayName: "Stop at Address Number",
    name: "rangeEnd",
    type: "number",
    typeOptions: { minValue: 0 },
    default: 0,
    description: "Send up to this address of the contact lists; 0 = to the last one"
  },
  { ...codeField("trackStatus", "Tracking", "trackStatus", { default: "0" }), description: "What to track" },
  {
    displayName: "Tracking Domain",
    name: "trackingDomain",
    type: "string",
    placeholder: "e.g. track.example.com",
    default: "",
    description: "Your tracking domain for links (its CNAME must point to count.bestedm.net)"
  },
  {
    displayName: "Unsubscribe Link",
    name: "unsubscribeLink",
    type: "boolean",
    default: true,
    description: "Whether to add an unsubscribe link to the mail"
  }
];
function sortedFields(fields) {
  return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

// nodes/Umail/resources/task/create.ts
function senderForm(p) {
  const sender = p.string("sender", { fallback: "mailbox" });
  if (sender === "all") return { send_account: "all", send_domain: "all" };
  if (sender === "domain") return { send_account: "all", send_domain: domainOf(p, "domain") };
  const domain2 = p.string("domain");
  return { send_account: p.email("mailbox"), send_domain: domain2 === void 0 ? void 0 : domainOf(p, "domain", domain2) };
}
function buildRequest(p) {
  const templates = [p.required("template"), ...idsOf(p, "additionalFields.moreTemplates")];
  const lists = [p.required("contactList"), ...idsOf(p, "additionalFields.moreContactLists")];
  const delay = flagOf(p, "additionalFields.delayOnSpam");
  const time = p.dateTime("sendTime");
  if (!time) throw p.fail("sendTime", "is required");
  return {
    endpoint: "task.php",
    do: "add-task",
    method: "POST",
    form: {
      tpl_id: [...new Set(templates)].join(","),
      ...senderForm(p),
      send_fullname: p.required("senderName"),
      maillist_id: [...new Set(lists)].join(","),
      time,
      status: p.string("start", { fallback: "1" }),
      ...sendOptionsForm(p, "additionalFields"),
      is_delay: delay === void 0 ? void 0 : delay ? 1 : 0
    }
  };
}
var create4 = {
  value: "create",
  name: "Create",
  action: "Create a send task",
  description: "Schedule a campaign: templates to contact lists from a sender, at a time",
  properties: [
    templateLocator({ description: "The template to send; it must have passed the content check" }),
    contactListLocator({ description: "The contact list to send to" }),
    {
      displayName: "Send From",
      name: "sender",
      type: "options",
      options: [
        { name: "One Mailbox", value: "mailbox", description: "Every mail comes from one sender mailbox" },
        { name: "Every Mailbox of a Domain", value: "domain", description: "U-Mail rotates the mailboxes of one domain" },
        { name: "Every Mailbox of Every Domain", value: "all", description: "U-Mail rotates all your sender mailboxes" }
      ],
      default: "mailbox"
    },
    {
      ...domainLocator({ displayName: "Sender Domain" }),
      displayOptions: { show: { sender: ["domain"] } }
    },
    {
      ...domainLocator({ displayName: "Sender Domain", required: false }),
      description: 'The domain of the sender mailbox; lets "From List" below show its mailboxes',
      displayOptions: { show: { sender: ["mailbox"] } }
    },
    {
      ...mailboxLocator({ displayName: "Sender Mailbox" }),
      displayOptions: { show: { sender: ["mailbox"] } }
    },
    {
      displayName: "Sender Name",
      name: "senderName",
      type: "string",
      required: true,
      default: "",
      placeholder: "e.g. Example News"
    },
    {
      displayName: "Send Time",
      name: "sendTime",
      type: "dateTime",
      required: true,
      default: "",
      description: "When to start sending. Sent as YYYY-MM-DD HH:mm."
    },
    {
      displayName: "Start",
      name: "start",
      type: "options",
      options: [
        { name: "At Send Time", value: "1", description: "Wait for the send time (status 1)" },
        { name: "Hold", value: "-1", description: "Create the task without sending it yet (status -1)" },
        { name: "Now", value: "2", description: "Start sending right away (status 2)" }
      ],
      default: "1"
    },
    {
      displayName: "Additional Fields",
      name: "additionalFields",
      type: "collection",
      placeholder: "Add Field",
      default: {},
      options: sortedFields([
        ...sendOptionFields,
        {
          displayName: "More Contact List IDs",
          name: "moreContactLists",
          type: "string",
          default: "",
          placeholder: "e.g. 12, 15",
          description: "Further contact lists to send to, separated by commas"
        },
        {
          displayName: "More Template IDs",
          name: "moreTemplates",
          type: "string",
          default: "",
          placeholder: "e.g. 53, 54",
          description: "Further templates, separated by commas; U-Mail splits the recipients between the templates"
        }
      ])
    }
  ],
  run: async (ctx) => {
    const request = buildRequest(ctx.p);
    let body;
    try {
      body = (await ctx.call(request)).body;
    } catch (error) {
      throw clarifyRateLimit(ctx, error);
    }
    return {
      id: String(resultOf(body).id ?? ""),
      message: resultData(body),
      templateIds: String(request.form?.tpl_id).split(","),
      contactListIds: String(request.form?.maillist_id).split(","),
      sendTime: String(request.form?.time),
      status: String(request.form?.status)
    };
  },
  labels: { status: "sendStatus" }
};

// nodes/Umail/resources/task/delete.ts
var deleteTask = {
  value: "delete",
  name: "Delete",
  action: "Delete a send task",
  description: "Delete a send task",
  properties: [taskLocator()],
  request: (p) => ({ endpoint: "task.php", do: "del-task", qs: { id: p.required("task") } }),
  output: (_body, p) => deleted({ id: p.required("task") })
};

// nodes/Umail/resources/task/get.ts
var get3 = {
  value: "get",
  name: "Get",
  action: "Get a send task",
  description: "Get a send task with its templates, contact lists, status and counts",
  properties: [taskLocator(), simplifyField],
  request: (p) => ({ endpoint: "task.php", do: "task-list", qs: { id: p.required("task") }, lists: TASK_LISTS }),
  output: (body, p) => {
    const [task2] = listAt(body, "task_list.task");
    if (!task2) throw p.fail("task", `was not found: no send task has the ID "${p.required("task")}"`);
    return taskRecord(task2);
  },
  labels: TASK_LABELS,
  simplify: TASK_SIMPLE
};

// nodes/Umail/resources/task/getMany.ts
var PAGE2 = 20;
var getMany5 = {
  value: "getMany",
  name: "Get Many",
  action: "Get many send tasks",
  description: "List send tasks, newest first, by day and status",
  properties: [
    ...returnAllFields(),
    filtersField([
      dateField("date", "Send Date", "Only tasks sent on this day"),
      codeField("sendStatus", "Send Status", "sendStatus", { default: "3" }),
      codeField("verifyStatus", "Review Status", "verifyStatus", { default: "1" })
    ]),
    simplifyField
  ],
  paging: { pageSize: PAGE2 },
  request: (p, page = { page: 1, limit: PAGE2 }) => ({
    endpoint: "task.php",
    do: "task-list",
    qs: {
      page: page.page,
      limit: page.limit,
      date: p.date("filters.date"),
      send_status: p.string("filters.sendStatus") ?? "all",
      verify_status: p.string("filters.verifyStatus")
    },
    lists: TASK_LISTS
  }),
  output: (body) => listAt(body, "task_list.task").map(taskRecord),
  labels: TASK_LABELS,
  simplify: TASK_SIMPLE
};

// nodes/Umail/resources/task/getReport.ts
var count = (value) => {
  const number = Number(value);
  return Number.isFinite(number) ? number : 0;
};
var percent = (part, whole) => whole > 0 ? Math.round(part / whole * 1e4) / 100 : 0;
var sum = (rows, field) => rows.reduce((total, row) => total + count(row[field]), 0);
var getReport = {
  value: "getReport",
  name: "Get Report",
  action: "Get the report of a send task",
  description: "Status, delivery, opens, clicks, rates, points and link clicks of a send task in one item",
  properties: [taskLocator()],
  labels: { send_status: "sendStatus" },
  run: async (ctx) => {
    const id = ctx.p.required("task");
    const taskAnswer = await ctx.call({ endpoint: "task.php", do: "task-list", qs: { id }, lists: TASK_LISTS });
    const [task2] = listAt(taskAnswer.body, "task_list.task");
    if (!task2) throw ctx.p.fail("task", `was not found: no send task has the ID "${id}"`);
    const overview = objectAt(
      (await ctx.call({ endpoint: "track.php", do: "overview", qs: { id }, lists: ["track.link_statistic.link"] })).body,
      "track"
    );
    const billing = listAt(
      (await ctx.call({ endpoint: "stask.php", qs: { id }, lists: ["data.task"] })).body,
      "data.task"
    );
    const links = listAt(
      (await ctx.call({ endpoint: "track.php", do: "link-stat", qs: { id }, lists: ["data.link"] })).body,
      "data.link"
    );
    const delivered = count(overview.real_send_count);
    const uniqueOpens = count(overview.open_unique);
    const uniqueClicks = count(overview.click_unique);
    const deducted = sum(billing, "actual");
    const rebated = sum(billing, "rebate");
    return {
      id,
      ident: String(overview.task_sn ?? task2.sn ?? ""),
      send_status: task2.send_status,
      send_time: task2.send_time,
      time_start: task2.time_start,
      time_end: task2.time_end,
      sent: count(overview.send_count),
      delivered,
      failed: count(overview.error_send_count),
      opens: count(overview.open_total),
      unique_opens: uniqueOpens,
      clicks: count(overview.click_total),
      unique_clicks: uniqueClicks,
      // rates over delivered mail, in percent
      open_rate: percent(uniqueOpens, delivered),
      click_rate: percent(uniqueClicks, delivered),
      click_to_open_rate: percent(uniqueClicks, uniqueOpens),
      deducted_points: deducted,
      rebated_points: rebated,
      net_points: deducted - rebated,
      links: links.map((link) => ({
        link_id: link.link_id,
        url: link.link,
        clicks: count(link.click_total),
        unique_clicks: count(link.click_unique)
      }))
    };
  }
};

// nodes/Umail/resources/task/update.ts
var F = "updateFields";
function senderFields(p) {
  const account2 = p.string(`${F}.senderMailbox`);
  const domain2 = p.string(`${F}.senderDomain`);
  return {
    send_account: account2 === void 0 || account2 === "all" ? account2 : p.email(`${F}.senderMailbox`, account2),
    send_domain: domain2 === void 0 || domain2 === "all" ? domain2 : domainOf(p, `${F}.senderDomain`, domain2)
  };
}
var update3 = {
  value: "update",
  name: "Update",
  action: "Update a send task",
  description: "Change a send task that has not finished: reschedule, pause, cancel, or change what it sends",
  properties: [
    taskLocator(),
    {
      displayName: "Update Fields",
      name: F,
      type: "collection",
      placeholder: "Add Field",
      default: {},
      options: sortedFields([
        ...sendOptionFields,
        {
          displayName: "Contact List IDs",
          name: "contactListIds",
          type: "string",
          default: "",
          placeholder: "e.g. 12, 15",
          description: "Contact lists to send to, separated by commas"
        },
        { ...codeField("sendStatus", "Send Status", "sendStatus", { default: "1" }), description: "e.g. Paused (-2) or Cancelled (-3)" },
        {
          displayName: "Send Time",
          name: "sendTime",
          type: "dateTime",
          default: "",
          description: "New start time. Sent as YYYY-MM-DD HH:mm."
        },
        {
          displayName: "Sender Domain",
          name: "senderDomain",
          type: "string",
          default: "",
          placeholder: "e.g. mail.example.com, or all",
          description: 'A domain, or "all"; with Sender Mailbox "all" the task rotates the mailboxes of this domain'
        },
        {
          displayName: "Sender Mailbox",
          name: "senderMailbox",
          type: "string",
          default: "",
          placeholder: "e.g. news@mail.example.com, or all",
          description: 'An address, or "all" to rotate mailboxes'
        },
        { displayName: "Sender Name", name: "senderName", type: "string", default: "" },
        {
          displayName: "Template IDs",
          name: "templateIds",
          type: "string",
          default: "",
          placeholder: "e.g. 53, 54",
          description: "Templates to send, separated by commas"
        }
      ])
    }
  ],
  request: (p) => {
    const templates = idsOf(p, `${F}.templateIds`);
    const lists = idsOf(p, `${F}.contactListIds`);
    const delay = flagOf(p, `${F}.delayOnSpam`);
    const form = {
      tpl_id: templates.length ? templates.join(",") : void 0,
      maillist_id: lists.length ? lists.join(",") : void 0,
      ...senderFields(p),
      send_fullname: p.string(`${F}.senderName`),
      send_status: p.string(`${F}.sendStatus`),
      send_time: p.dateTime(`${F}.sendTime`),
      ...sendOptionsForm(p, F),
      is_delay: delay === void 0 ? void 0 : delay ? 1 : -1
    };
    if (Object.values(form).every((value) => value === void 0)) {
      throw p.fail(F, "is empty: add at least one field to change");
    }
    return { endpoint: "task.php", do: "edit-task", method: "POST", qs: { id: p.required("task") }, form };
  },
  output: (body, p) => succeeded(body, { id: p.required("task") })
};

// nodes/Umail/resources/task/index.ts
var task = {
  value: "task",
  name: "Task",
  description: "Send tasks (campaigns): schedule, change, report",
  defaultOperation: "create",
  operations: [create4, deleteTask, get3, getMany5, getReport, update3]
};

// nodes/Umail/resources/template/shared.ts
var TEMPLATE_LISTS = [
  "template_list.template",
  "template_list.template.subject",
  "template_list.template.attachments.attachment"
];
var subjectsField = (required) => ({
  displayName: "Subjects",
  name: "subjects",
  type: "string",
  typeOptions: { multipleValues: true, multipleValueButtonText: "Add Subject" },
  required,
  default: [],
  placeholder: "e.g. November news",
  description: "Subject lines. Two or more make an A/B test: U-Mail splits the recipients between them."
});
var encodingField = {
  displayName: "Encoding",
  name: "encoding",
  type: "options",
  options: [
    { name: "Base64", value: "base64" },
    { name: "Quoted-Printable", value: "quoted-printable" }
  ],
  default: "base64",
  description: "Transfer encoding of the sent mail"
};
var textContentField = {
  displayName: "Text Content",
  name: "textContent",
  type: "string",
  typeOptions: { rows: 4 },
  default: "",
  description: "Plain text shown by mail clients that cannot display the HTML content"
};
function subjectsOf(p, name) {
  const value = p.raw(name, []);
  const entries = (Array.isArray(value) ? value : [value]).flatMap((entry) => String(entry ?? "").split("|")).map((entry) => entry.trim()).filter((entry) => entry !== "");
  return entries.length ? entries.join("|") : void 0;
}
async function attachmentsOf(ctx, name) {
  const properties = ctx.p.list(name);
  const field = properties.length > 1 ? "file[]" : "file";
  const files = [];
  for (const property of properties) {
    const meta = ctx.fn.helpers.assertBinaryData(ctx.itemIndex, property);
    const data = await ctx.fn.helpers.getBinaryDataBuffer(ctx.itemIndex, property);
    files.push({ field, fileName: meta.fileName ?? property, data, mimeType: meta.mimeType });
  }
  return files;
}
function templateRecord(template2) {
  const { subject, attachments, ...rest } = template2;
  const attachmentList = attachments?.attachment ?? [];
  return {
    ...rest,
    subjects: (subject ?? []).map((entry) => ({ id: entry.id, name: entry.name })),
    attachments: attachmentList.map((entry) => ({ id: entry.atta_id, name: entry.atta_name }))
  };
}

// nodes/Umail/resources/template/addAttachments.ts
var addAttachments = {
  value: "addAttachments",
  name: "Add Attachments",
  action: "Add attachments to a template",
  description: "Attach files from the input item to a template",
  properties: [
    templateLocator(),
    {
      displayName: "Input Binary Fields",
      name: "binaryPropertyNames",
      type: "string",
      required: true,
      default: "data",
      placeholder: "e.g. data, invoice",
      hint: "Names of the input binary fields holding the files, separated by commas"
    }
  ],
  run: async (ctx) => {
    const id = ctx.p.required("template");
    const files = await attachmentsOf(ctx, "binaryPropertyNames");
    if (!files.length) throw ctx.p.fail("binaryPropertyNames", "is required: name at least one binary field");
    const answer = await ctx.call({
      endpoint: "template.php",
      do: "tpl-attachment-add",
      method: "POST",
      qs: { tpl_id: id },
      files
    });
    return succeeded(answer.body, { id, attachments: files.map((file) => file.fileName) });
  }
};

// nodes/Umail/resources/template/create.ts
var create5 = {
  value: "create",
  name: "Create",
  action: "Create a template",
  description: "Upload a mail template, optionally with A/B subjects and attachments",
  properties: [
    {
      displayName: "Name",
      name: "name",
      type: "string",
      required: true,
      default: "",
      placeholder: "e.g. November newsletter"
    },
    subjectsField(true),
    {
      displayName: "Content (HTML)",
      name: "content",
      type: "string",
      typeOptions: { rows: 8 },
      required: true,
      default: "",
      placeholder: "<html><body>\u2026</body></html>"
    },
    {
      displayName: "Additional Fields",
      name: "additionalFields",
      type: "collection",
      placeholder: "Add Field",
      default: {},
      options: [
        {
          displayName: "Attachment Binary Fields",
          name: "attachments",
          type: "string",
          default: "",
          placeholder: "e.g. data, invoice",
          description: "Names of the input binary fields to attach, separated by commas"
        },
        encodingField,
        textContentField
      ]
    }
  ],
  run: async (ctx) => {
    const { p } = ctx;
    const name = p.required("name");
    const subject = subjectsOf(p, "subjects");
    if (!subject) throw p.fail("subjects", "is required: add at least one subject");
    const content = p.required("content");
    const files = await attachmentsOf(ctx, "additionalFields.attachments");
    const answer = await ctx.call({
      endpoint: "template.php",
      do: "add-tpl",
      method: "POST",
      form: {
        name,
        subject,
        content,
        text_content: p.string("additionalFields.textContent"),
        encoding: p.string("additionalFields.encoding")
      },
      files
    });
    return {
      id: resultData(answer.body),
      name,
      subjects: subject.split("|"),
      attachments: files.map((file) => file.fileName)
    };
  }
};

// nodes/Umail/resources/template/delete.ts
var deleteTemplate = {
  value: "delete",
  name: "Delete",
  action: "Delete a template",
  description: "Delete a template",
  properties: [templateLocator()],
  request: (p) => ({ endpoint: "template.php", do: "del-tpl", qs: { tpl_id: p.required("template") } }),
  output: (_body, p) => deleted({ id: p.required("template") })
};

// nodes/Umail/resources/template/deleteAttachment.ts
var deleteAttachment = {
  value: "deleteAttachment",
  name: "Delete Attachment",
  action: "Delete an attachment of a template",
  description: "Delete one attachment of a template, or all of them",
  properties: [
    templateLocator(),
    {
      displayName: "Delete",
      name: "scope",
      type: "options",
      options: [
        { name: "All Attachments", value: "all", description: "Remove every attachment of the template" },
        { name: "One Attachment", value: "one", description: "Remove the attachment with a given ID" }
      ],
      default: "one"
    },
    {
      displayName: "Attachment ID",
      name: "attachmentId",
      type: "string",
      required: true,
      default: "",
      description: "The attachment ID, as Get returns it under attachments",
      displayOptions: { show: { scope: ["one"] } }
    }
  ],
  request: (p) => {
    const attachment = p.string("scope", { fallback: "one" }) === "all" ? "all" : p.required("attachmentId");
    return {
      endpoint: "template.php",
      do: "tpl-attachment-del",
      qs: { tpl_id: p.required("template"), attachment_id: attachment }
    };
  },
  output: (body, p) => succeeded(body, {
    id: p.required("template"),
    attachmentId: p.string("scope", { fallback: "one" }) === "all" ? "all" : p.required("attachmentId")
  })
};

// nodes/Umail/resources/template/get.ts
var get4 = {
  value: "get",
  name: "Get",
  action: "Get a template",
  description: "Get a template with its subjects, content and attachments",
  properties: [templateLocator()],
  request: (p) => ({ endpoint: "template.php", do: "list-tpl", qs: { tpl_id: p.required("template") }, lists: TEMPLATE_LISTS }),
  output: (body, p) => {
    const [template2] = listAt(body, "template_list.template");
    if (!template2) throw p.fail("template", `was not found: no template has the ID "${p.required("template")}"`);
    return templateRecord(template2);
  }
};

// nodes/Umail/resources/template/getCheckStatus.ts
var import_n8n_workflow5 = require("n8n-workflow");
var CHECKING = "-1";
async function readStatus(ctx, id) {
  const answer = await ctx.call({ endpoint: "template.php", do: "get-tpl-status", qs: { tpl_id: id } });
  const template2 = objectAt(answer.body, "template");
  return { ...template2, checked: String(template2.status) !== CHECKING, usable: String(template2.status) === "1" };
}
var getCheckStatus = {
  value: "getCheckStatus",
  name: "Get Check Status",
  action: "Get the check status of a template",
  description: "Whether a template passed the content check (needed before sending), its colour and size in KB",
  properties: [
    templateLocator(),
    {
      displayName: "Wait for Check to Finish",
      name: "waitForCheck",
      type: "boolean",
      default: false,
      description: 'Whether to ask again until the check is over (status is no longer "checking"), e.g. before creating a send task'
    },
    {
      displayName: "Max Wait (Seconds)",
      name: "maxWait",
      type: "number",
      typeOptions: { minValue: 1, maxValue: 3600 },
      default: 180,
      description: "Give up with an error when the check is still running after this long",
      displayOptions: { show: { waitForCheck: [true] } }
    },
    {
      displayName: "Check Every (Seconds)",
      name: "pollInterval",
      type: "number",
      typeOptions: { minValue: 1, maxValue: 600 },
      default: 10,
      displayOptions: { show: { waitForCheck: [true] } }
    }
  ],
  labels: { status: "templateCheck", size_status: "sizeStatus" },
  run: async (ctx) => {
    const { p } = ctx;
    const id = p.required("template");
    if (!p.boolean("waitForCheck")) return await readStatus(ctx, id);
    const maxWait = p.number("maxWait", { min: 1, max: 3600, fallback: 180 });
    const interval = p.number("pollInterval", { min: 1, max: 600, fallback: 10 });
    const started = Date.now();
    for (; ; ) {
      const status2 = await readStatus(ctx, id);
      if (status2.checked) return status2;
      const waited = Date.now() - started;
      if (waited + interval * 1e3 > maxWait * 1e3) {
        throw new import_n8n_workflow5.NodeOperationError(
          ctx.fn.getNode(),
          `Item ${ctx.itemIndex + 1}: template ${id} is still being checked after ${Math.round(waited / 1e3)} seconds`,
          {
            itemIndex: ctx.itemIndex,
            description: 'U-Mail checks new and edited templates before they can be sent. Raise "Max Wait (Seconds)" or try again later.'
          }
        );
      }
      await (0, import_n8n_workflow5.sleep)(interval * 1e3);
    }
  }
};

// nodes/Umail/resources/template/getMany.ts
var getMany6 = {
  value: "getMany",
  name: "Get Many",
  action: "Get many templates",
  description: "List the templates of the account",
  properties: [
    ...returnAllFields(),
    filtersField([
      {
        displayName: "Name Contains",
        name: "search",
        type: "string",
        default: "",
        description: "Only templates whose name contains this text (case-insensitive)"
      }
    ]),
    { ...simplifyField, description: "Whether to leave out the HTML content and keep only the main fields" }
  ],
  request: () => ({ endpoint: "template.php", do: "list-tpl", lists: TEMPLATE_LISTS }),
  output: (body, p) => {
    const search2 = String(p.collection("filters").search ?? "").toLowerCase();
    const templates = listAt(body, "template_list.template").map(templateRecord).filter((template2) => !search2 || String(template2.name ?? "").toLowerCase().includes(search2));
    return limitLocally(templates, p);
  },
  simplify: ["id", "name", "subjects", "attachments", "created", "updated"]
};

// nodes/Umail/resources/template/update.ts
var update4 = {
  value: "update",
  name: "Update",
  action: "Update a template",
  description: "Change the name, subjects or content of a template",
  properties: [
    templateLocator(),
    {
      displayName: "Update Fields",
      name: "updateFields",
      type: "collection",
      placeholder: "Add Field",
      default: {},
      options: [
        { displayName: "Content (HTML)", name: "content", type: "string", typeOptions: { rows: 8 }, default: "" },
        encodingField,
        { displayName: "Name", name: "name", type: "string", default: "" },
        subjectsField(false),
        textContentField
      ]
    }
  ],
  request: (p) => {
    const name = p.string("updateFields.name");
    const subject = subjectsOf(p, "updateFields.subjects");
    const content = p.string("updateFields.content");
    p.oneOf({ name, subjects: subject, content }, "updateFields");
    return {
      endpoint: "template.php",
      do: "edit-tpl",
      method: "POST",
      qs: { tpl_id: p.required("template") },
      form: {
        name,
        subject,
        content,
        text_content: p.string("updateFields.textContent"),
        encoding: p.string("updateFields.encoding")
      }
    };
  },
  output: (body, p) => succeeded(body, { id: p.required("template") })
};

// nodes/Umail/resources/template/index.ts
var template = {
  value: "template",
  name: "Template",
  description: "Email templates (content, subjects, attachments) and their spam check",
  defaultOperation: "getMany",
  operations: [addAttachments, create5, deleteTemplate, deleteAttachment, get4, getCheckStatus, getMany6, update4]
};

// nodes/Umail/resources/tracking/exportTrackedAddresses.ts
var exportTrackedAddresses = {
  value: "exportTrackedAddresses",
  name: "Export Tracked Addresses",
  action: "Export the tracked addresses of a task",
  description: "Export the recipients that opened (or clicked) a task, with their tracking data",
  properties: [
    {
      displayName: "Tracking IDs",
      name: "trackingIds",
      type: "string",
      required: true,
      default: "",
      placeholder: "e.g. 38282,38283",
      description: 'The tracking ID(s) of the task: "tracking_ids" of Tracking \u2192 Get Overview (not the send ID). A task with several templates has several: separate them with commas.'
    },
    exportFormatField,
    binaryPropertyOutField,
    {
      displayName: "Options",
      name: "options",
      type: "collection",
      placeholder: "Add Option",
      default: {},
      options: [
        {
          displayName: "Clicked Only",
          name: "clickedOnly",
          type: "boolean",
          default: false,
          description: "Whether to export only the recipients who clicked a link"
        },
        {
          displayName: "Email ID",
          name: "emailId",
          type: "string",
          default: "",
          description: 'Only this recipient ("email_id" of Get Opens)'
        },
        {
          displayName: "Link ID",
          name: "linkId",
          type: "string",
          default: "",
          description: 'Only the recipients who clicked this link ("link_id" of Get Link Stats)'
        }
      ]
    }
  ],
  run: async (ctx) => {
    const trackingIds = ctx.p.list("trackingIds");
    if (trackingIds.length === 0) throw ctx.p.fail("trackingIds", "is required");
    const options = ctx.p.collection("options");
    const answer = await ctx.call({
      endpoint: "trackexport.php",
      qs: {
        track_id: trackingIds.join(","),
        is_click: options.clickedOnly === true ? 1 : void 0,
        link_id: options.linkId,
        email_id: options.emailId
      },
      answer: "text"
    });
    const lines = answer.body;
    const fileName = `tracked-${trackingIds.join("_")}.csv`;
    if (ctx.p.string("output", { fallback: "items" }) === "file") return await fileOfLines(ctx, lines, fileName);
    return rowsOfLines(lines, ["email"]);
  }
};

// nodes/Umail/resources/tracking/linkField.ts
var linkOptionsField = {
  displayName: "Options",
  name: "options",
  type: "collection",
  placeholder: "Add Option",
  default: {},
  options: [
    {
      displayName: "Link ID",
      name: "linkId",
      type: "string",
      default: "",
      placeholder: "e.g. 3",
      description: 'Only this link ("link_id" of the links that Get Overview or Get Link Stats return)'
    }
  ]
};

// nodes/Umail/resources/tracking/getClicks.ts
var getClicks = {
  value: "getClicks",
  name: "Get Clicks",
  action: "Get who clicked the links of a task",
  description: "List the clicks of a task: who clicked which link, how often and when",
  properties: [...taskSelectorFields(["task", "batchNumber"]), ...returnAllFields(), linkOptionsField],
  request: (p) => {
    const selection = readTaskSelection(p);
    return {
      endpoint: "track.php",
      do: "click-detail",
      qs: { id: selection.id, ident: selection.ident, link_id: p.collection("options").linkId },
      lists: ["data.click"],
      // big answers: decoded in runs of records as they arrive
      stream: { records: "data.click" }
    };
  },
  output: (body, p) => limitLocally(listAt(body, "data.click"), p)
};

// nodes/Umail/resources/tracking/getLinkStats.ts
var getLinkStats = {
  value: "getLinkStats",
  name: "Get Link Stats",
  action: "Get the click counts of each link of a task",
  description: "List the links of a task with their unique and total clicks and first and last click times",
  properties: [...taskSelectorFields(["task", "batchNumber"]), ...returnAllFields(), linkOptionsField],
  request: (p) => {
    const selection = readTaskSelection(p);
    return {
      endpoint: "track.php",
      do: "link-stat",
      qs: { id: selection.id, ident: selection.ident, link_id: p.collection("options").linkId },
      lists: ["data.link"]
    };
  },
  output: (body, p) => limitLocally(listAt(body, "data.link"), p)
};

// nodes/Umail/resources/tracking/getOpens.ts
var getOpens = {
  value: "getOpens",
  name: "Get Opens",
  action: "Get who opened a task",
  description: "List the recipients who opened a task: opens, clicks, device, browser, IP and times",
  properties: [...taskSelectorFields(["task", "batchNumber"]), ...returnAllFields(), simplifyField],
  request: (p) => {
    const selection = readTaskSelection(p);
    return { endpoint: "track.php", do: "open-detail", qs: { id: selection.id, ident: selection.ident }, lists: ["data.user"], stream: { records: "data.user" } };
  },
  output: (body, p) => limitLocally(listAt(body, "data.user"), p),
  simplify: ["email_id", "email", "device", "open_total", "click_total", "open_first", "open_last"]
};

// nodes/Umail/resources/tracking/getOverview.ts
var ids = (value) => String(value ?? "").split(",").map((id) => id.trim()).filter((id) => id !== "");
var getOverview = {
  value: "getOverview",
  name: "Get Overview",
  action: "Get the tracking overview of a task",
  description: "Get opens, clicks, sent and failed counts of a task, its links, and its batch number, tracking IDs and statistics task IDs",
  properties: taskSelectorFields(["task", "batchNumber"]),
  request: (p) => trackOverviewRequest(readTaskSelection(p)),
  output: (body) => {
    const track = objectAt(body, "track");
    const { send_id, task_sn, track_id, task_id, ...counts } = track;
    delete counts.link_statistic;
    const record = {
      send_id,
      batch_number: task_sn,
      tracking_ids: ids(track_id),
      statistics_task_ids: ids(task_id),
      ...counts,
      links: listAt(body, "track.link_statistic.link")
    };
    return record;
  }
};

// nodes/Umail/resources/tracking/index.ts
var tracking = {
  value: "tracking",
  name: "Tracking",
  description: "Opens, clicks and tracked addresses of sent tasks",
  defaultOperation: "getOverview",
  operations: [exportTrackedAddresses, getClicks, getLinkStats, getOpens, getOverview]
};

// nodes/Umail/resources/trackingDomain/createOrUpdate.ts
var createOrUpdate = {
  value: "createOrUpdate",
  name: "Create or Update",
  action: "Create or update a tracking domain",
  description: "Add a tracking domain, or change whether it is the default. Its CNAME must point to count.bestedm.net first.",
  properties: [
    {
      displayName: "Domain",
      name: "domain",
      type: "string",
      required: true,
      default: "",
      placeholder: "e.g. track.example.com",
      description: "The tracking domain; one at a time"
    },
    {
      displayName: "Default",
      name: "isDefault",
      type: "boolean",
      default: false,
      description: "Whether tracking links of new tasks use this domain when none is chosen"
    }
  ],
  run: async (ctx) => {
    const domain2 = ctx.p.required("domain");
    if (/[\s,]/.test(domain2)) throw ctx.p.fail("domain", `must be a single domain, got "${domain2}"`);
    const isDefault = ctx.p.boolean("isDefault");
    const saved = await ctx.call({
      endpoint: "trackdomain.php",
      do: "edit",
      method: "POST",
      form: { domain: domain2, isdefault: isDefault ? 1 : 0 }
    });
    const name = resultData(saved.body) || domain2;
    const read = await ctx.call({
      endpoint: "trackdomain.php",
      do: "overview",
      method: "POST",
      form: { domains: name },
      lists: ["track_domain"],
      emptyOk: true
    });
    const record = listAt(read.body, "track_domain").find((entry) => String(entry.domain).toLowerCase() === name.toLowerCase());
    return record ?? { domain: name, isdefault: isDefault ? "1" : "0" };
  }
};

// nodes/Umail/resources/trackingDomain/delete.ts
function deletedDomains(body) {
  let parsed;
  try {
    parsed = JSON.parse(resultData(body));
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.map((entry) => String(entry).replace(/^'|'$/g, "")) : [];
}
var deleteTrackingDomain = {
  value: "delete",
  name: "Delete",
  action: "Delete a tracking domain",
  description: "Delete a tracking domain, or all of them",
  properties: [
    {
      displayName: "Delete All Tracking Domains",
      name: "deleteAll",
      type: "boolean",
      default: false,
      description: "Whether to delete every tracking domain of the account"
    },
    {
      ...trackingDomainLocator(),
      displayOptions: { show: { deleteAll: [false] } }
    }
  ],
  request: (p) => ({
    endpoint: "trackdomain.php",
    do: "del",
    method: "POST",
    form: { domains: p.boolean("deleteAll") ? "all" : p.required("trackingDomain") }
  }),
  output: (body, p) => {
    const domains = deletedDomains(body);
    if (p.boolean("deleteAll")) return deleted({ all: true, domains });
    return deleted({ domain: p.required("trackingDomain") });
  }
};

// nodes/Umail/resources/trackingDomain/getMany.ts
var getMany7 = {
  value: "getMany",
  name: "Get Many",
  action: "Get many tracking domains",
  description: "List the custom tracking domains, whether each is the default and whether its CNAME is set up",
  properties: [
    ...returnAllFields(),
    filtersField([
      {
        displayName: "Domains",
        name: "domains",
        type: "string",
        default: "",
        placeholder: "e.g. track.example.com, count.example.org",
        description: "Only these tracking domains, separated by commas"
      }
    ])
  ],
  request: (p) => ({
    endpoint: "trackdomain.php",
    do: "overview",
    method: "POST",
    form: { domains: p.list("filters.domains", p.collection("filters").domains).join(",") },
    lists: ["track_domain"],
    emptyOk: true
  }),
  output: (body, p) => limitLocally(listAt(body, "track_domain"), p)
};

// nodes/Umail/resources/trackingDomain/index.ts
var trackingDomain = {
  value: "trackingDomain",
  name: "Tracking Domain",
  description: "Custom domains for open and click tracking links",
  defaultOperation: "getMany",
  operations: [createOrUpdate, deleteTrackingDomain, getMany7]
};

// nodes/Umail/resources/index.ts
var RESOURCES = [
  account,
  address,
  contactList,
  domain,
  mailbox,
  statistics,
  subscription,
  task,
  template,
  tracking,
  trackingDomain
];

// nodes/Umail/shared/transport.ts
var import_n8n_workflow7 = require("n8n-workflow");

// nodes/Umail/shared/stream.ts
var StreamFallback = class extends Error {
};
var streamSettings = { chunkChars: 16 * 1024 };
var WRAPPER = "umail-records";
function escapeRegExp(text2) {
  return text2.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function insideMarkup(text2, pos) {
  for (const [open, close] of [
    ["<![CDATA[", "]]>"],
    ["<!--", "-->"]
  ]) {
    const start = text2.lastIndexOf(open, pos);
    if (start === -1) continue;
    const end = text2.indexOf(close, start + open.length);
    if (end === -1 || end + close.length > pos) return start;
  }
  return -1;
}
function cutAt(text2, close, limit) {
  for (let at = text2.lastIndexOf(close, limit - close.length); at !== -1; ) {
    const markup = insideMarkup(text2, at);
    if (markup === -1) return at + close.length;
    at = markup === 0 ? -1 : text2.lastIndexOf(close, markup - 1);
  }
  for (let at = text2.indexOf(close, limit - close.length + 1); at !== -1; at = text2.indexOf(close, at + 1)) {
    if (insideMarkup(text2, at) === -1) return at + close.length;
  }
  return -1;
}
function count2(text2, needle) {
  let n = 0;
  for (let at = text2.indexOf(needle); at !== -1; at = text2.indexOf(needle, at + needle.length)) n++;
  return n;
}
var RecordDecoder = class {
  constructor(path2, lists) {
    this.path = path2;
    this.lists = lists;
    const parts = path2.split(".");
    if (parts.length < 2) throw new StreamFallback(`record path "${path2}" has no parent element`);
    this.tag = parts[parts.length - 1];
    this.close = `</${this.tag}>`;
    const name = escapeRegExp(this.tag);
    this.opening = new RegExp(`<${name}[\\s>/]`);
    this.startsWithRecord = new RegExp(`^\\s*<${name}[\\s>/]`);
    this.selfClosing = new RegExp(`<${name}\\s*/>`, "g");
    this.leadingEmpty = new RegExp(`^(?:\\s*<${name}\\s*/>)+`);
    const inner = lists.filter((list) => list.startsWith(`${path2}.`)).map((list) => `${WRAPPER}.${this.tag}${list.slice(path2.length)}`);
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
  add(chunk2) {
    if (!this.startsWithRecord.test(chunk2)) throw new StreamFallback("something other than a record between records");
    const decoded = decodeXml(`<${WRAPPER}>${chunk2}</${WRAPPER}>`, this.chunkLists)[WRAPPER];
    const keys = Object.keys(decoded);
    if (keys.length !== 1 || keys[0] !== this.tag) throw new StreamFallback("other elements between records");
    const records = decoded[this.tag];
    const expected = count2(chunk2, this.close) + (chunk2.match(this.selfClosing)?.length ?? 0);
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
  const text2 = new TextDecoder("utf-8");
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
    pending += typeof piece === "string" ? piece : text2.decode(piece, { stream: true });
    if (!whole) take(false);
  }
  pending += text2.decode();
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
var import_n8n_workflow6 = require("n8n-workflow");
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
function scrub(text2, secrets = []) {
  let clean2 = text2.replace(/(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._-]+/gi, "$1$2 ***");
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
  return new import_n8n_workflow6.NodeApiError(node, response, {
    message: safeMessage,
    description: safeDescription,
    itemIndex: facts.itemIndex,
    httpCode: typeof extra.httpCode === "string" ? extra.httpCode : void 0
  });
}
function isAuthStatus(status2) {
  return /auth|login|passw|user_?name|permission|forbidden|unauthori[sz]ed/i.test(status2);
}
function statusError(node, facts, status2, data) {
  const help = STATUS_HELP[status2] ?? (isAuthStatus(status2) ? AUTH_HINT : void 0);
  const message = `U-Mail refused ${facts.operation}: ${status2}${data ? ` (${data})` : ""}`;
  const description = [help, data && `Server message: ${data}`].filter(Boolean).join(". ");
  return apiError(node, facts, message, description, { status: status2, data: scrub(data, facts.secrets) });
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
  const status2 = String(result.status ?? "");
  if (SUCCESS.has(status2) || okStatuses.includes(status2)) return;
  const data = typeof result.data === "string" ? result.data : result.data ? JSON.stringify(result.data) : "";
  throw statusError(this.getNode(), facts, status2, data);
}
function decodeText(request, text2, kind) {
  const isXml = kind === "xml" || /^\s*<\?xml|^\s*<result[\s>]/.test(text2);
  if (isXml) return decodeXml(text2, request.lists, request.emptyOk);
  if (kind === "json") return decodeJson(text2);
  return decodeLines(text2);
}
function decode(request, raw, facts) {
  const kind = request.answer ?? "xml";
  if (kind === "buffer") return raw;
  let decoded;
  let problem;
  try {
    decoded = decodeText(request, raw.toString("utf8"), kind);
  } catch (error) {
    if (!(error instanceof AnswerFormatError)) throw new import_n8n_workflow7.NodeApiError(this.getNode(), error);
    problem = error;
  }
  if (problem) throw formatError(this.getNode(), facts, problem.message, problem.snippet);
  checkResult.call(this, decoded, facts, request.okStatuses);
  return decoded;
}
async function umailRequest(request, itemIndex) {
  const credentials2 = await this.getCredentials(CREDENTIAL);
  const baseUrl = String(credentials2.baseUrl ?? "").replace(/\/+$/, "");
  const facts = {
    itemIndex,
    operation: describe(request),
    secrets: [String(credentials2.password ?? ""), `${credentials2.username}:${credentials2.password}`]
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
    skipSslCertificateValidation: credentials2.ignoreSslIssues === true
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
        await (0, import_n8n_workflow7.sleep)(transportSettings.backoffMs * 2 ** (attempt - 1));
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
        await (0, import_n8n_workflow7.sleep)(transportSettings.backoffMs * 2 ** (attempt - 1));
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

// nodes/Umail/actions/router.ts
function findOperation(resource, operation) {
  return RESOURCES.find((entry) => entry.value === resource)?.operations.find((op) => op.value === operation);
}
function hasParameter(op, name) {
  return op.properties.some((property) => property.name === name);
}
async function readPages(op, ctx) {
  const pageSize = op.paging.pageSize;
  const returnAll = ctx.p.boolean("returnAll");
  const wanted = returnAll ? Infinity : ctx.p.number("limit", { min: 1, fallback: 50 });
  const limit = Math.min(pageSize, wanted);
  const records = [];
  for (let page = 1; records.length < wanted; page++) {
    const answer = await ctx.call(op.request(ctx.p, { page, limit }));
    const batch = toArray(op.output(answer.body, ctx.p));
    records.push(...batch);
    if (batch.length < limit) break;
  }
  return records.slice(0, wanted);
}
function toArray(result) {
  return Array.isArray(result) ? result : [result];
}
async function runOne(op, ctx) {
  if (op.run) return await op.run(ctx);
  if (op.paging) return await readPages(op, ctx);
  const answer = await ctx.call(op.request(ctx.p));
  return op.output ? op.output(answer.body, ctx.p) : { success: true };
}
function shape(op, p, record) {
  addLabels(record, op.labels);
  if (op.simplify && hasParameter(op, "simplify") && p.boolean("simplify", true)) {
    const slim = {};
    for (const key of op.simplify) {
      if (key in record) slim[key] = record[key];
      if (`${key}_label` in record) slim[`${key}_label`] = record[`${key}_label`];
    }
    return slim;
  }
  return record;
}
function errorJson(error) {
  const json = { error: error.message };
  const description = error.description;
  if (description) json.description = description;
  return json;
}
async function route() {
  const items = this.getInputData();
  const resource = this.getNodeParameter("resource", 0);
  const operation = this.getNodeParameter("operation", 0);
  const op = findOperation(resource, operation);
  if (!op) throw new import_n8n_workflow8.NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`);
  if (op.runBatch) {
    return [
      await op.runBatch({
        fn: this,
        items,
        params: (itemIndex) => new Params(this, itemIndex, op.properties),
        call: async (request, itemIndex) => await umailRequest.call(this, request, itemIndex)
      })
    ];
  }
  const out = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    const pairedItem = { item: itemIndex };
    try {
      const p = new Params(this, itemIndex, op.properties);
      const ctx = {
        fn: this,
        itemIndex,
        p,
        call: async (request) => await umailRequest.call(this, request, itemIndex)
      };
      const result = await runOne(op, ctx);
      if ("items" in result && Array.isArray(result.items)) {
        for (const item of result.items) out.push({ ...item, pairedItem });
      } else {
        for (const record of toArray(result)) {
          out.push({ json: shape(op, p, record), pairedItem });
        }
      }
    } catch (error) {
      if (this.continueOnFail()) {
        out.push({ json: errorJson(error), pairedItem });
        continue;
      }
      if (error instanceof import_n8n_workflow8.NodeApiError) {
        error.context.itemIndex ??= itemIndex;
        throw new import_n8n_workflow8.NodeApiError(this.getNode(), error);
      }
      const wrapped = new import_n8n_workflow8.NodeOperationError(this.getNode(), error, { itemIndex });
      wrapped.context.itemIndex ??= itemIndex;
      throw wrapped;
    }
  }
  return [out];
}

// nodes/Umail/methods/listSearch.ts
function matches(entry, filter) {
  if (!filter) return true;
  const needle = filter.toLowerCase();
  return entry.name.toLowerCase().includes(needle) || entry.value.toLowerCase().includes(needle);
}
async function search(request, path2, toEntry, filter) {
  const answer = await umailRequest.call(this, request);
  const results = listAt(answer.body, path2).map(toEntry).filter((entry) => matches(entry, filter));
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
      (template2) => ({ name: String(template2.name), value: String(template2.id) }),
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
    const results = tasks.map((task2) => ({
      name: `${String(task2.id)} \xB7 ${String(task2.tpl_name ?? task2.subject ?? task2.sender_name ?? "")} \xB7 ${String(task2.send_time ?? "")}`,
      value: String(task2.id)
    })).filter((entry) => matches(entry, filter));
    return { results, paginationToken: tasks.length === TASK_PAGE ? String(page + 1) : void 0 };
  },
  async searchDomains(filter) {
    return await search.call(
      this,
      { endpoint: "bs.php", do: "domain-list", lists: ["domain_list.data"] },
      "domain_list.data",
      (domain2) => ({
        name: String(domain2.customer_id) === "0" ? `${String(domain2.domain)} (system)` : String(domain2.domain),
        value: String(domain2.domain)
      }),
      filter
    );
  },
  async searchMailboxes(filter) {
    const domain2 = this.getCurrentNodeParameter("domain", { extractValue: true });
    if (!domain2) return { results: [] };
    return await search.call(
      this,
      { endpoint: "bs.php", do: "mailbox-list", qs: { domain: domain2 }, lists: ["mailbox_list.data"] },
      "mailbox_list.data",
      (mailbox2) => ({ name: String(mailbox2.mailbox), value: String(mailbox2.mailbox) }),
      filter
    );
  },
  async searchTrackingDomains(filter) {
    return await search.call(
      this,
      { endpoint: "trackdomain.php", do: "overview", method: "POST", lists: ["track_domain"], emptyOk: true },
      "track_domain",
      (domain2) => ({
        name: String(domain2.isdefault) === "1" ? `${String(domain2.domain)} (default)` : String(domain2.domain),
        value: String(domain2.domain)
      }),
      filter
    );
  }
};

// nodes/Umail/Umail.node.ts
var Umail = class {
  description = {
    displayName: "U-Mail",
    name: "umail",
    icon: { light: "file:umail.svg", dark: "file:umail.dark.svg" },
    group: ["output"],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: "Run bulk-mail campaigns with U-Mail EDM (bestedm.net): lists, addresses, templates, send tasks, tracking",
    defaults: { name: "U-Mail" },
    usableAsTool: true,
    inputs: [import_n8n_workflow9.NodeConnectionTypes.Main],
    outputs: [import_n8n_workflow9.NodeConnectionTypes.Main],
    credentials: [{ name: "umailApi", required: true }],
    properties: describeResources(RESOURCES)
  };
  methods = { listSearch };
  async execute() {
    return await route.call(this);
  }
};

// test/helpers/n8n.ts
var fs = __toESM(require("node:fs"));
var path = __toESM(require("node:path"));
var import_backend_common = require("@n8n/backend-common");
var import_config = require("@n8n/config");
var import_di = require("@n8n/di");
var import_n8n_core = require("n8n-core");
var import_n8n_workflow10 = require("n8n-workflow");
var CREDENTIALS_DIR = path.resolve(__dirname, "../../credentials");
var CREDENTIAL_TYPE_LOADERS = {
  umailApi: () => {
    const { UmailApi: UmailApi2 } = (init_UmailApi_credentials(), __toCommonJS(UmailApi_credentials_exports));
    return new UmailApi2();
  }
};
var credentialTypeCache = /* @__PURE__ */ new Map();
function scanCredentialsDir(name) {
  if (!fs.existsSync(CREDENTIALS_DIR)) return void 0;
  for (const file of fs.readdirSync(CREDENTIALS_DIR)) {
    if (!/\.credentials\.ts$/.test(file)) continue;
    const mod = require(path.join(CREDENTIALS_DIR, file));
    for (const exported of Object.values(mod)) {
      if (typeof exported !== "function") continue;
      try {
        const instance = new exported();
        if (instance && instance.name === name && Array.isArray(instance.properties)) return instance;
      } catch {
      }
    }
  }
  return void 0;
}
function getCredentialType(name) {
  let type = credentialTypeCache.get(name);
  if (!type) {
    type = CREDENTIAL_TYPE_LOADERS[name]?.() ?? scanCredentialsDir(name);
    if (!type) throw new import_n8n_workflow10.UnexpectedError(`Unknown credential type "${name}" (add it to CREDENTIAL_TYPE_LOADERS in test/helpers/n8n.ts)`);
    credentialTypeCache.set(name, type);
  }
  return type;
}
function withCredentialDefaults(typeName, data) {
  const properties = getCredentialProperties(typeName);
  const resolved = import_n8n_workflow10.NodeHelpers.getNodeParameters(properties, data, true, false, null, null);
  return { ...data, ...resolved };
}
function getCredentialProperties(typeName) {
  const type = getCredentialType(typeName);
  if (!type.extends?.length) return type.properties;
  const combined = [];
  for (const parent of type.extends) import_n8n_workflow10.NodeHelpers.mergeNodeProperties(combined, getCredentialProperties(parent));
  import_n8n_workflow10.NodeHelpers.mergeNodeProperties(combined, type.properties);
  return combined;
}
var TestCredentialsHelper = class extends import_n8n_workflow10.ICredentialsHelper {
  constructor(credentials2 = {}) {
    super();
    this.credentials = credentials2;
  }
  credentials;
  /** Every request options object passed through authenticate(), after authentication (for assertions). */
  authenticatedRequests = [];
  getParentTypes(name) {
    const type = credentialTypeCache.get(name) ?? (CREDENTIAL_TYPE_LOADERS[name] ? getCredentialType(name) : void 0);
    const parents = type?.extends ?? [];
    return parents.flatMap((p) => [p, ...this.getParentTypes(p)]);
  }
  isCredentialUsableByNode() {
    return true;
  }
  async authenticate(credentials2, typeName, incomingRequestOptions, workflow, node) {
    const requestOptions = incomingRequestOptions;
    const { authenticate } = getCredentialType(typeName);
    if (typeof authenticate === "function") {
      const result = await authenticate(credentials2, requestOptions);
      this.authenticatedRequests.push(result);
      return result;
    }
    if (authenticate && typeof authenticate === "object") {
      if (!workflow || !node) {
        throw new import_n8n_workflow10.UnexpectedError("Workflow and node are required for declarative credential authentication");
      }
      requestOptions.headers ??= {};
      if (authenticate.type === "generic") {
        for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
          for (const [key, value] of Object.entries(outerValue)) {
            const keyResolved = resolveCredentialValue(key, credentials2, workflow, node);
            const valueResolved = resolveCredentialValue(value, credentials2, workflow, node);
            const target = requestOptions;
            target[outerKey] ??= {};
            target[outerKey][keyResolved] = valueResolved;
          }
        }
      }
    }
    this.authenticatedRequests.push(requestOptions);
    return requestOptions;
  }
  async preAuthentication(helpers, credentials2, typeName, _node, credentialsExpired) {
    const type = getCredentialType(typeName);
    const expirable = type.properties.find((p) => p.type === "hidden" && p.typeOptions?.expirable === true);
    if (!expirable || typeof type.preAuthentication !== "function") return void 0;
    if (credentials2[expirable.name] !== "" && credentials2[expirable.name] !== void 0 && !credentialsExpired) {
      return void 0;
    }
    const output = await type.preAuthentication.call(helpers, credentials2);
    if (output?.[expirable.name] === void 0) return void 0;
    return Object.assign(credentials2, output);
  }
  async runPreAuthentication(helpers, credentials2, typeName) {
    const type = getCredentialType(typeName);
    if (typeof type.preAuthentication !== "function") return void 0;
    return await type.preAuthentication.call(helpers, credentials2) ?? void 0;
  }
  async getCredentials(_nodeCredentials, type) {
    throw new import_n8n_workflow10.UnexpectedError(`getCredentials (encrypted credentials) is not supported by the test harness (type "${type}")`);
  }
  async getDecrypted(_additionalData, _nodeCredentials, type, _mode) {
    const data = this.credentials[type];
    if (data === void 0) {
      throw new import_n8n_workflow10.UnexpectedError(`No credentials of type "${type}" were given to the test harness`);
    }
    return withCredentialDefaults(type, structuredClone(data));
  }
  async updateCredentials(_nodeCredentials, type, data) {
    this.credentials[type] = data;
  }
  async updateCredentialsOauthTokenData(_nodeCredentials, type, data) {
    this.credentials[type] = data;
  }
  getCredentialsProperties(type) {
    return getCredentialProperties(type);
  }
};
function resolveCredentialValue(value, credentials2, workflow, node) {
  if (!(0, import_n8n_workflow10.isExpression)(value)) return value;
  const resolved = workflow.expression.getSimpleParameterValue(node, value, "internal", { $credentials: credentials2 }, void 0, "");
  if (!resolved) return "";
  return resolved.toString();
}
var noop = () => {
};
var quietLogger = {
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
  verbose: noop,
  scoped() {
    return quietLogger;
  }
};
var initialised = false;
function setupN8nCore() {
  if (initialised) return;
  initialised = true;
  import_di.Container.set(import_backend_common.Logger, quietLogger);
  import_n8n_workflow10.LoggerProxy.init(quietLogger);
  import_di.Container.set(import_n8n_core.InstanceSettings, {
    instanceId: "test-instance-id",
    hostId: "test-host",
    instanceType: "main",
    instanceRole: "leader",
    isLeader: true,
    encryptionKey: "test-encryption-key",
    hmacSignatureSecret: "test-hmac-secret",
    n8nFolder: "/tmp/n8n-test",
    isDocker: false
  });
  const errorReporter = { error: noop, warn: noop, info: noop };
  import_di.Container.set(import_n8n_core.ErrorReporter, errorReporter);
  const binaryDataService = new import_n8n_core.BinaryDataService({ mode: "default" }, errorReporter, quietLogger);
  import_di.Container.set(import_n8n_core.BinaryDataService, binaryDataService);
  import_di.Container.get(import_config.SsrfProtectionConfig).enabled = false;
}
var NODE_TYPE_PREFIX = "n8n-nodes-umail.";
function nodeTypeName(nodeType) {
  return NODE_TYPE_PREFIX + nodeType.description.name;
}
function defaultVersion(nodeType) {
  if ("nodeVersions" in nodeType) return nodeType.currentVersion;
  const v = nodeType.description.version;
  return Array.isArray(v) ? Math.max(...v) : v ?? 1;
}
function createNodeTypes(...nodeTypes) {
  const byName2 = new Map(nodeTypes.map((t) => [nodeTypeName(t), t]));
  return {
    getByName: (name) => {
      const t = byName2.get(name);
      if (!t) throw new import_n8n_workflow10.UnexpectedError(`Unknown node type ${name}`);
      return t;
    },
    getByNameAndVersion: (name, version) => {
      const t = byName2.get(name);
      if (!t) throw new import_n8n_workflow10.UnexpectedError(`Unknown node type ${name}`);
      return import_n8n_workflow10.NodeHelpers.getVersionedNodeType(t, version);
    },
    getKnownTypes: () => ({})
  };
}
function buildWorkflow(nodeType, opts) {
  setupN8nCore();
  const typeVersion = opts.typeVersion ?? defaultVersion(nodeType);
  const description = import_n8n_workflow10.NodeHelpers.getVersionedNodeType(nodeType, typeVersion).description;
  const name = opts.nodeName ?? description.defaults?.name ?? description.displayName;
  const credentials2 = opts.credentials ?? {};
  const node = {
    id: "b0f5e8d8-0000-4000-8000-000000000001",
    name,
    type: nodeTypeName(nodeType),
    typeVersion,
    position: [0, 0],
    parameters: structuredClone(opts.parameters ?? {}),
    credentials: Object.fromEntries(Object.keys(credentials2).map((type) => [type, { id: `cred-${type}`, name: `${type} (test)` }]))
  };
  if (opts.onError) node.onError = opts.onError;
  else if (opts.continueOnFail) node.onError = "continueRegularOutput";
  const staticData = {};
  if (opts.staticData) staticData[`node:${name}`] = opts.staticData;
  if (opts.globalStaticData) staticData.global = opts.globalStaticData;
  const workflow = new import_n8n_workflow10.Workflow({
    id: "test-workflow-id",
    name: "Test workflow",
    nodes: [node],
    // the constructor fills in parameter defaults, as n8n does
    connections: {},
    active: false,
    nodeTypes: createNodeTypes(nodeType),
    staticData,
    settings: { executionOrder: "v1", ...opts.timezone ? { timezone: opts.timezone } : {} }
  });
  const credentialsHelper = new TestCredentialsHelper({ ...credentials2 });
  const additionalData = createAdditionalData(credentialsHelper);
  return { workflow, node: workflow.getNode(name), additionalData, credentialsHelper };
}
function createAdditionalData(credentialsHelper) {
  const notAvailable = (what) => () => {
    throw new import_n8n_workflow10.UnexpectedError(`${what} is not available in the test harness`);
  };
  return {
    credentialsHelper,
    executionId: "test-execution-id",
    currentNodeExecutionIndex: 0,
    restApiUrl: "http://localhost:5678/rest",
    instanceBaseUrl: "http://localhost:5678/",
    formBaseUrl: "http://localhost:5678/form",
    formWaitingBaseUrl: "http://localhost:5678/form-waiting",
    formTestBaseUrl: "http://localhost:5678/form-test",
    webhookBaseUrl: "http://localhost:5678/webhook",
    webhookWaitingBaseUrl: "http://localhost:5678/webhook-waiting",
    webhookTestBaseUrl: "http://localhost:5678/webhook-test",
    mcpBaseUrl: "http://localhost:5678/mcp",
    mcpTestBaseUrl: "http://localhost:5678/mcp-test",
    variables: {},
    userId: "test-user-id",
    executeWorkflow: notAvailable("executeWorkflow"),
    getRunExecutionData: async () => void 0,
    getRuntimeCredential: async () => void 0,
    logAiEvent: noop,
    startRunnerTask: notAvailable("startRunnerTask")
  };
}
async function runNode(nodeType, opts) {
  const { workflow, node, additionalData } = buildWorkflow(nodeType, opts);
  const items = opts.items ?? [{ json: {} }];
  const inputData = { main: [items] };
  const executeData = { node, data: inputData, source: { main: [{ previousNode: "Test Input" }] } };
  const runExecutionData = (0, import_n8n_workflow10.createRunExecutionData)({
    executionData: { nodeExecutionStack: [executeData] }
  });
  const ctx = new import_n8n_core.ExecuteContext(
    workflow,
    node,
    additionalData,
    opts.mode ?? "manual",
    runExecutionData,
    0,
    items,
    inputData,
    executeData,
    []
  );
  const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
  if (!type.execute) throw new import_n8n_workflow10.UnexpectedError(`Node type ${node.type} has no execute()`);
  const result = await type.execute.call(ctx);
  return result;
}
async function runPoll(nodeType, opts) {
  const staticData = opts.staticData ?? {};
  const { workflow, node, additionalData } = buildWorkflow(nodeType, { ...opts, staticData });
  const mode = opts.mode ?? "trigger";
  const activation = opts.activation ?? (mode === "manual" ? "manual" : "activate");
  const ctx = new import_n8n_core.PollContext(workflow, node, additionalData, mode, activation);
  const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
  if (!type.poll) throw new import_n8n_workflow10.UnexpectedError(`Node type ${node.type} has no poll()`);
  const result = await type.poll.call(ctx);
  syncStaticData(workflow, `node:${node.name}`, staticData);
  return result;
}
function syncStaticData(workflow, key, target) {
  const current = workflow.staticData[key];
  if (!current || current === target) return;
  const plain = JSON.parse(JSON.stringify(current));
  for (const k of Object.keys(target)) if (!(k in plain)) delete target[k];
  Object.assign(target, plain);
}

// bench/naive.ts
var { Parser } = require("xml2js");
var base = {
  version: 1,
  defaults: { name: "Naive" },
  inputs: ["main"],
  outputs: ["main"],
  group: ["transform"],
  description: ""
};
var HttpRequestLike = class {
  description = {
    ...base,
    displayName: "HTTP Request (emulated)",
    name: "httpRequestLike",
    properties: [
      { displayName: "Method", name: "method", type: "string", default: "GET" },
      { displayName: "URL", name: "url", type: "string", default: "" },
      { displayName: "User", name: "user", type: "string", default: "" },
      { displayName: "Password", name: "password", type: "string", default: "" },
      { displayName: "Body", name: "body", type: "json", default: "{}" }
    ]
  };
  async execute() {
    const items = this.getInputData();
    const promises = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      const method = this.getNodeParameter("method", itemIndex);
      const url = this.getNodeParameter("url", itemIndex).trim();
      const body = this.getNodeParameter("body", itemIndex);
      const form = typeof body === "string" ? JSON.parse(body) : body;
      const request = this.helpers.request({
        method,
        uri: url,
        gzip: true,
        rejectUnauthorized: true,
        followRedirect: true,
        followAllRedirects: method === "GET",
        resolveWithFullResponse: true,
        timeout: 3e5,
        auth: { user: this.getNodeParameter("user", itemIndex), pass: this.getNodeParameter("password", itemIndex) },
        ...method === "GET" ? {} : { form },
        encoding: null
      });
      request.catch(() => {
      });
      promises.push(request);
    }
    const settled = await Promise.allSettled(promises);
    const out = [];
    settled.forEach((result, itemIndex) => {
      if (result.status === "rejected") throw result.reason;
      const response = result.value;
      const text2 = Buffer.isBuffer(response.body) ? response.body.toString("utf8") : String(response.body);
      out.push({ json: { data: text2 }, pairedItem: { item: itemIndex } });
    });
    return [out];
  }
};
var XmlLike = class {
  description = {
    ...base,
    displayName: "XML (emulated)",
    name: "xmlLike",
    properties: [{ displayName: "Property Name", name: "dataPropertyName", type: "string", default: "data" }]
  };
  async execute() {
    const items = this.getInputData();
    const out = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      const property = this.getNodeParameter("dataPropertyName", itemIndex);
      const parser = new Parser({ mergeAttrs: true, explicitArray: false });
      const json = await parser.parseStringPromise(items[itemIndex].json[property]);
      out.push({ json, pairedItem: { item: itemIndex } });
    }
    return [out];
  }
};

// bench/stream-check.ts
var import_node_assert = require("node:assert");
var import_node_stream = require("node:stream");
var DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
function user(i, extra = "") {
  return `  <user>
    <email_id>${i}</email_id>
    <email>open${i}@example.com</email>
    <addr_first><![CDATA[\u5317\u4EAC\u5E02 ${extra}]]></addr_first>
    <brithday>2000-01-0${i % 9 + 1}</brithday>
    <note>a &amp; b &lt;${i}&gt;</note>
  </user>
`;
}
function pieces(text2, size) {
  const bytes = Buffer.from(text2, "utf8");
  const parts = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  return import_node_stream.Readable.from(parts);
}
async function same(text2, records, lists, emptyOk = false) {
  for (const size of [1, 7, 100, 4096, 1 << 20]) {
    for (const chunkChars of [1, 64, 16 * 1024]) {
      streamSettings.chunkChars = chunkChars;
      const streamed = await decodeXmlStream(pieces(text2, size), { records }, lists, emptyOk);
      (0, import_node_assert.deepStrictEqual)(streamed, decodeXml(text2, lists, emptyOk), `piece ${size}, chunk ${chunkChars}`);
    }
  }
}
async function fails(text2, records, lists, kind) {
  streamSettings.chunkChars = 64;
  await (0, import_node_assert.rejects)(decodeXmlStream(pieces(text2, 50), { records }, lists), kind);
}
async function checkStream() {
  const saved = streamSettings.chunkChars;
  let checks = 0;
  const body = Array.from({ length: 40 }, (_, i) => user(i)).join("");
  await same(`${DECL}<data>
${body}  <total_num>40</total_num>
</data>
`, "data.user", ["data.user"]);
  await same(`${DECL}<data>
  <total_num>0</total_num>
</data>
`, "data.user", ["data.user"]);
  await same(`${DECL}<data>
  <total_num>40</total_num>
${body}</data>`, "data.user", ["data.user"]);
  await same(`${DECL}<data>${user(1)}</data>`, "data.user", ["data.user"]);
  await same(`${DECL}<data><user/>${user(2)}<user /></data>`, "data.user", ["data.user"]);
  await same(`${DECL}<result><status>param_error</status><data><![CDATA[id \u53C2\u6570\u9519\u8BEF]]></data></result>`, "data.user", ["data.user"]);
  await same(DECL, "data.user", ["data.user"], true);
  await same(`${DECL}<task_list><task><id>1</id><templates><template><id>5</id></template></templates></task><task><id>2</id><templates></templates></task></task_list>`, "task_list.task", ["task_list.task", "task_list.task.templates.template"]);
  checks += 8;
  await fails(`${DECL}<data>
${body}`, "data.user", ["data.user"], AnswerFormatError);
  await fails(`${DECL}<data>
${body.slice(0, body.length / 2)}`, "data.user", ["data.user"], AnswerFormatError);
  await fails("<!DOCTYPE html><html><body><user>x</user></body></html>", "data.user", ["data.user"], AnswerFormatError);
  await fails(`${DECL}<data>${user(1, "</user><user>")}</data>`, "data.user", ["data.user"], StreamFallback);
  await fails(`${DECL}<data><info><user><id>1</id></user></info></data>`, "data.user", ["data.user"], StreamFallback);
  await fails(`${DECL}<data>${user(1)}<other>1</other>${user(2)}</data>`, "data.user", ["data.user"], StreamFallback);
  await fails(`${DECL}<data><user><user><id>1</id></user></user></data>`, "data.user", ["data.user"], StreamFallback);
  checks += 7;
  (0, import_node_assert.strictEqual)(saved > 0, true);
  streamSettings.chunkChars = saved;
  return checks;
}

// bench/scenarios.ts
var USER = "demo";
var PASSWORD = "demo-pass";
var MB = 1024 * 1024;
var gc = globalThis.gc ?? (() => {
});
function status(field) {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs2.readFileSync("/proc/self/status", "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
}
function resetPeak() {
  gc();
  try {
    fs2.writeFileSync("/proc/self/clear_refs", "5");
  } catch {
  }
  return status("VmRSS");
}
function ownSize(items) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const copy = structuredClone(items);
  gc();
  const size = process.memoryUsage().heapUsed - before;
  return copy.length >= 0 ? size : 0;
}
var credentials = (input) => ({ umailApi: { username: USER, password: PASSWORD, baseUrl: input.url } });
async function umail(input, parameters, items) {
  const [output] = await runNode(new Umail(), { parameters, items, credentials: credentials(input) });
  return output;
}
async function naive(type, parameters, items) {
  const [output] = await runNode(type, { parameters, items });
  return output;
}
var byId = (value) => ({ __rl: true, mode: "id", value: String(value) });
function contacts(n) {
  const items = new Array(n);
  for (let i = 0; i < n; i++) items[i] = { json: { email: `contact${i}@crm.example.com`, name: `Contact ${i}`, company: "Example Ltd", phone: `+86 10 5555 ${String(i).padStart(6, "0")}` } };
  return items;
}
function forceStream(resource, operation, records, on) {
  const op = findOperation(resource, operation);
  if (!op?.request) throw new Error(`no operation ${resource}.${operation}`);
  const original = op.request;
  op.request = (p, page) => {
    const request = { ...original(p, page) };
    if (on) request.stream = { records };
    else delete request.stream;
    return request;
  };
}
var scenarios = {
  // 1. CRM-to-list sync
  "sync-pack": {
    setup: (input) => contacts(input.n),
    run: async (input) => {
      const options = input.importAbove ? { importAbove: input.importAbove } : {};
      const items = await umail(
        input,
        { resource: "address", operation: "addMany", contactList: byId(input.listId), email: "={{ $json.email }}", name: "={{ $json.name }}", options },
        prepared
      );
      const statuses = {};
      for (const item of items) statuses[String(item.json.status)] = (statuses[String(item.json.status)] ?? 0) + 1;
      return { items, note: JSON.stringify(statuses) };
    }
  },
  "sync-naive": {
    setup: (input) => contacts(input.n),
    run: async (input) => {
      const items = await naive(
        new HttpRequestLike(),
        {
          method: "POST",
          url: `${input.url}/mloperate.php?do=ml-addr-add&list_id=${input.listId}`,
          user: USER,
          password: PASSWORD,
          body: "={{ JSON.stringify({ address: $json.email, fullname: $json.name }) }}"
        },
        prepared
      );
      const failed = items.filter((item) => !String(item.json.data).includes("<status>success</status>")).length;
      return { items, note: failed ? `${failed} answers not success` : void 0 };
    }
  },
  // 2a. exports the API offers as JSON or text
  "failed-pack": {
    run: async (input) => ({
      items: await umail(input, { resource: "statistics", operation: "exportFailedAddresses", failureType: "-1", selectBy: "batchNumber", batchNumber: input.ident, output: "items" })
    })
  },
  "failed-naive-xml": {
    run: async (input) => {
      const fetched = await naive(new HttpRequestLike(), {
        method: "GET",
        url: `${input.url}/failexport.php?type=-1&task_ident=${input.ident}&out_type=xml`,
        user: USER,
        password: PASSWORD
      });
      const items = await naive(new XmlLike(), { dataPropertyName: "data" }, fetched);
      const rows = (items[0]?.json).fail_recipient_list?.recipient;
      return { items, note: `1 item holding ${Array.isArray(rows) ? rows.length : 0} rows` };
    }
  },
  // 2b. XML-only list answers
  "opens-pack": {
    setup: (input) => forceStream("tracking", "getOpens", "data.user", input.stream === true),
    run: async (input) => ({
      items: await umail(input, { resource: "tracking", operation: "getOpens", selectBy: "task", task: byId(input.taskId), returnAll: true, simplify: false })
    })
  },
  "opens-fxp": {
    run: async (input) => {
      const fetched = await naive(new HttpRequestLike(), { method: "GET", url: `${input.url}/track.php?do=open-detail&id=${input.taskId}`, user: USER, password: PASSWORD });
      const parser = new import_fast_xml_parser2.XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: false, cdataPropName: "#cdata" });
      const tree = parser.parse(fetched[0].json.data);
      return { items: [{ json: tree }] };
    }
  },
  "opens-naive": {
    run: async (input) => {
      const fetched = await naive(new HttpRequestLike(), { method: "GET", url: `${input.url}/track.php?do=open-detail&id=${input.taskId}`, user: USER, password: PASSWORD });
      return { items: await naive(new XmlLike(), { dataPropertyName: "data" }, fetched) };
    }
  },
  // 3. idle poll of the trigger
  "poll-idle": {
    // the first poll (in setup, not measured) sets the cursor; the measured one finds nothing new
    setup: async (input) => {
      const { UmailTrigger } = require(input.triggerPath);
      const poller = { trigger: new UmailTrigger(), staticData: {} };
      await runPoll(poller.trigger, { parameters: input.parameters ?? {}, credentials: credentials(input), staticData: poller.staticData });
      return poller;
    },
    run: async (input) => {
      const { trigger, staticData } = prepared;
      const result = await runPoll(trigger, { parameters: input.parameters ?? {}, credentials: credentials(input), staticData });
      return { items: result?.[0] ?? [], note: result ? `${result[0].length} items (expected none)` : void 0 };
    }
  }
};
var prepared;
async function main(input) {
  transportSettings.timeoutMs = 6e5;
  if (input.scenario === "stream-check") {
    const started2 = performance.now();
    return { wallMs: performance.now() - started2, rssGrowthMb: 0, items: await checkStream() };
  }
  const scenario = scenarios[input.scenario];
  if (!scenario) throw new Error(`unknown scenario ${input.scenario}`);
  prepared = await scenario.setup?.(input);
  await new Promise((resolve2) => {
    process.once("message", () => resolve2());
    process.send({ setupDone: true });
  });
  const baseline = resetPeak();
  const started = performance.now();
  let output;
  try {
    output = await scenario.run(input);
  } catch (error) {
    return { wallMs: performance.now() - started, rssGrowthMb: (status("VmHWM") - baseline) / MB, items: 0, error: error.message };
  }
  const wallMs = performance.now() - started;
  const rssGrowthMb = (status("VmHWM") - baseline) / MB;
  prepared = void 0;
  const itemsMb = input.scenario.startsWith("sync") || input.scenario === "poll-idle" ? void 0 : ownSize(output.items) / MB;
  return { wallMs, rssGrowthMb, itemsMb, items: output.items.length, note: output.note };
}
process.once("message", (input) => {
  main(input).then((result) => process.send(result, () => process.exit(0))).catch((error) => process.send({ error: error.stack ?? error.message }, () => process.exit(1)));
});
