'use strict';
/*
 * The chat model of the playground's AI campaign assistant (workflows/05): a real OpenAI-compatible one when
 * OPENAI_API_KEY is set (OPENAI_BASE_URL for another provider), else the scripted demo model (test/ai/demoModel.js)
 * on 127.0.0.1, with every request it gets logged as JSON lines to `logFile`.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CREDENTIAL = { id: 'openAiPlayground1', name: 'OpenAI (playground)', type: 'openAiApi' };

async function playgroundModel({ logFile }) {
	if (process.env.OPENAI_API_KEY) {
		const url = process.env.OPENAI_BASE_URL || 'https://api.openai.com/v1';
		return { credential: { ...CREDENTIAL, data: { apiKey: process.env.OPENAI_API_KEY, url } }, about: `real model at ${url} (OPENAI_API_KEY)`, stop: async () => {} };
	}
	const { startFakeModel } = require(path.join(ROOT, 'test', 'ai', 'fakeModel'));
	const { demoRespond } = require(path.join(ROOT, 'test', 'ai', 'demoModel'));
	const model = await startFakeModel({ respond: demoRespond, logFile });
	return {
		credential: { ...CREDENTIAL, data: { apiKey: 'sk-playground-fake', url: `${model.url}/v1` } },
		about: `scripted demo model at ${model.url}/v1 (no OPENAI_API_KEY; requests logged to ${path.relative(ROOT, logFile)})`,
		stop: model.stop,
	};
}

module.exports = { playgroundModel, MODEL_CREDENTIAL: CREDENTIAL };
