'use strict';
/*
 * Answers a broken server, proxy or cache can send (issue 22): in a legacy charset (the reference says UTF-8, but
 * legacy PHP services and some proxies declare GBK or Big5), a trickle (headers at once, then a byte or a piece at a
 * time), and gzip (so a client must inflate, and bound what it inflates).
 */
const zlib = require('node:zlib');

const tables = new Map();

/** Text → bytes in a two-byte legacy charset, by a table read back from Node's TextDecoder (Node has no encoder). */
function encode(text, charset) {
	let table = tables.get(charset);
	if (!table) {
		table = new Map();
		const decoder = new TextDecoder(charset);
		for (let lead = 0x81; lead <= 0xfe; lead++) {
			for (let trail = 0x40; trail <= 0xfe; trail++) {
				const char = decoder.decode(Uint8Array.of(lead, trail));
				if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
			}
		}
		tables.set(charset, table);
	}
	const bytes = [];
	for (const char of text) {
		const code = char.codePointAt(0);
		if (code < 0x80) bytes.push(code);
		// a character the charset lacks becomes '?', as iconv's //TRANSLIT would
		else bytes.push(...(table.get(char) || [0x3f]));
	}
	return Buffer.from(bytes);
}

/**
 * The answer's headers and body as sent with `charset` (null: UTF-8 untouched): Content-Type and the XML declaration
 * say the charset, the body is in it. Only text answers (XML, JSON, text) are converted.
 */
function inCharset(reply, body, charset) {
	const headers = { ...(reply.headers || {}) };
	const type = String(headers['content-type'] || '');
	if (!charset || !/xml|json|text/i.test(type) || /html/i.test(type)) return { headers, body: Buffer.from(body) };
	headers['content-type'] = /charset=/i.test(type) ? type.replace(/charset=[^;]+/i, `charset=${charset}`) : `${type}; charset=${charset}`;
	const text = body.replace(/^(<\?xml[^>]*encoding=")[^"]*(")/, `$1${charset}$2`);
	return { headers, body: encode(text, charset.toLowerCase()) };
}

/** Headers at once, then the body `pieceBytes` at a time, every `everyMs`; stops when the client goes. */
function trickle(res, status, headers, body, cfg) {
	const piece = cfg.pieceBytes || 1;
	const every = cfg.everyMs == null ? 1000 : cfg.everyMs;
	delete headers['content-length'];
	res.writeHead(status, headers);
	let at = 0;
	const next = () => {
		if (res.destroyed) return;
		if (at >= body.length) return res.end();
		res.write(body.subarray(at, (at += piece)));
		setTimeout(next, every).unref();
	};
	next();
}

/** gzip-compressed, as a server or proxy that compresses does. */
function gzipped(res, status, headers, body) {
	const packed = zlib.gzipSync(body);
	res.writeHead(status, { ...headers, 'content-encoding': 'gzip', 'content-length': packed.length });
	res.end(packed);
}

module.exports = { encode, inCharset, trickle, gzipped };
