'use strict';
/* Tiny streaming-friendly XML writer (the reference's formats: declaration, CDATA for text). */

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

function esc(v) {
	return String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function cdata(v) {
	return `<![CDATA[${String(v == null ? '' : v).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

class Xml {
	/** @param {{typo?: boolean, decl?: boolean}} opts */
	constructor(opts = {}) {
		this.typo = !!opts.typo;
		this.parts = opts.decl === false ? [] : [DECL];
		this.depth = 0;
		this.size = 0;
	}
	_push(s) {
		this.parts.push(s);
		this.size += s.length;
	}
	ind() {
		return '  '.repeat(this.depth);
	}
	open(name) {
		this._push(`${this.ind()}<${name}>\n`);
		this.depth++;
		return this;
	}
	/** Closes an element; `typoName` is emitted instead when typo mode is on (the reference's misspellings). */
	close(name, typoName) {
		this.depth--;
		this._push(`${this.ind()}</${this.typo && typoName ? typoName : name}>\n`);
		return this;
	}
	/** Plain value (numbers, codes, dates). */
	el(name, v, typoClose) {
		const close = this.typo && typoClose ? typoClose : name;
		this._push(`${this.ind()}<${name}>${esc(v == null ? '' : v)}</${close}>\n`);
		return this;
	}
	/** Text value in CDATA. */
	cd(name, v, typoClose) {
		const close = this.typo && typoClose ? typoClose : name;
		this._push(`${this.ind()}<${name}>${cdata(v)}</${close}>\n`);
		return this;
	}
	raw(s) {
		this._push(s);
		return this;
	}
	/** Takes what was written so far (for streaming). */
	take() {
		const s = this.parts.join('');
		this.parts = [];
		this.size = 0;
		return s;
	}
	toString() {
		return this.parts.join('');
	}
}

module.exports = { Xml, esc, cdata, DECL };
