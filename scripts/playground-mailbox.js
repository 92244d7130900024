/*
 * The playground's mail inbox: examples 06 and 07 send through an SMTP credential that points here instead of at
 * smtp.bestedm.net. MailDev keeps the mail (web inbox and REST API, mail files in PLAYGROUND_DIR/inbox), behind a
 * small smtp-server front that offers what U-Mail's relay offers and MailDev cannot: AUTH LOGIN only, and only over
 * TLS (implicit TLS, like port 465). MailDev alone offers AUTH LOGIN and PLAIN (nodemailer, so Send Email, picks
 * PLAIN) and no STARTTLS. The certificate is self-signed for 127.0.0.1 and kept with the inbox; n8n trusts it through
 * NODE_EXTRA_CA_CERTS, so "Ignore SSL Issues" stays off as in the examples.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const SMTP_USER = 'orders@mail.example.com';
const SMTP_PASSWORD = 'playground-smtp';
const CERT_DAYS = 825;

/**
 * A self-signed certificate for 127.0.0.1 in `dir` (openssl, as Debian ships it); kept while it has more than a day
 * left, so n8n's trust (NODE_EXTRA_CA_CERTS) survives restarts.
 */
function makeCertificate(dir, days = CERT_DAYS) {
	fs.mkdirSync(dir, { recursive: true });
	const keyFile = path.join(dir, 'key.pem');
	const certFile = path.join(dir, 'cert.pem');
	if (!(fs.existsSync(keyFile) && fs.existsSync(certFile) && validForADay(certFile))) {
		try {
			execFileSync(
				'openssl',
				['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', String(days), '-subj', '/CN=127.0.0.1',
					'-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
				{ stdio: 'pipe' },
			);
		} catch (error) {
			throw new Error(`openssl could not make the certificate for 127.0.0.1 (apt-get install -y openssl): ${error.message}`);
		}
	}
	return { dir, key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile), certFile };
}

function validForADay(certFile) {
	try {
		execFileSync('openssl', ['x509', '-checkend', '86400', '-noout', '-in', certFile], { stdio: 'pipe' });
		return true;
	} catch {
		return false;
	}
}

/**
 * Starts the inbox: MailDev's web inbox on 127.0.0.1:webPort and the TLS front on 127.0.0.1:smtpPort (0: a free port).
 * Resolves { url, smtpPort, user, password, certFile, received, stop }; `received` counts the messages handed in.
 */
async function startMailbox({ dir, smtpPort = 0, webPort = 0, user = SMTP_USER, password = SMTP_PASSWORD }) {
	const certificate = makeCertificate(path.join(dir, 'tls'));
	const { MailDev } = await import('maildev');
	const maildev = new MailDev({
		smtp: 0,
		ip: '127.0.0.1',
		web: webPort,
		webIp: '127.0.0.1',
		mailDirectory: path.join(dir, 'mail'),
		silent: true,
	});
	// MailDev announces its URL on stdout, where the playground's banner goes: the banner prints it instead
	const info = console.info;
	console.info = () => {};
	const servers = await maildev.start().finally(() => (console.info = info));
	const inner = servers.smtp.getPort();
	const nodemailer = require('nodemailer');
	const handIn = nodemailer.createTransport({ host: '127.0.0.1', port: inner, secure: false, ignoreTLS: true, pool: true });
	let front;
	try {
		front = await startFront({ certificate, port: smtpPort, user, password, handIn });
	} catch (error) {
		handIn.close();
		await maildev.stop();
		throw error;
	}
	const url = `http://127.0.0.1:${servers.api.getAddress().port}`;
	return {
		url,
		smtpPort: front.port,
		user,
		password,
		certFile: certificate.certFile,
		get received() {
			return front.received;
		},
		async stop() {
			await front.close();
			handIn.close();
			await maildev.stop();
		},
	};
}

/** The relay-like front: every accepted message goes to MailDev unchanged, with its envelope (so BCC shows there). */
async function startFront({ certificate, port, user, password, handIn }) {
	const { SMTPServer } = require('smtp-server');
	const state = { received: 0 };
	const server = new SMTPServer({
		secure: true,
		key: certificate.key,
		cert: certificate.cert,
		name: 'smtp.playground.test',
		authMethods: ['LOGIN'],
		allowInsecureAuth: false,
		logger: false,
		onAuth(auth, _session, callback) {
			if (auth.method === 'LOGIN' && auth.username === user && auth.password === password) return callback(null, { user });
			callback(Object.assign(new Error('Authentication failed: wrong user name or password'), { responseCode: 535 }));
		},
		onData(stream, session, callback) {
			const chunks = [];
			stream.on('data', (chunk) => chunks.push(chunk));
			stream.on('end', () => {
				const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
				handIn.sendMail({ envelope, raw: Buffer.concat(chunks) }).then(
					() => {
						state.received++;
						callback();
					},
					(error) => callback(Object.assign(new Error(`the inbox did not take the message: ${error.message}`), { responseCode: 451 })),
				);
			});
		},
	});
	server.on('error', () => {});
	await new Promise((resolve, reject) => {
		server.server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return {
		port: server.server.address().port,
		get received() {
			return state.received;
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { SMTP_USER, SMTP_PASSWORD, makeCertificate, startMailbox };
