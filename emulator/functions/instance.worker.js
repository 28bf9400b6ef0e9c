'use strict';
// One CloudBase function instance. Plain JavaScript: worker threads load it without a transpiler.
// It handles one event at a time (the host never sends a second before the first is done) and
// sets the caller's identity in its own copy of process.env before calling exports.main.
const { parentPort, workerData } = require('node:worker_threads');

const { entry, perEventKeys } = workerData;

// Cold start: load the code before the first event, like CloudBase's initialisation phase.
let loaded = null;
let loadError = null;
try {
  loaded = require(entry);
} catch (error) {
  loadError = error;
}

function resetEventEnv() {
  for (const key of perEventKeys) delete process.env[key];
}

function serializeError(error) {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack || '' };
  }
  let text;
  try {
    text = typeof error === 'string' ? error : JSON.stringify(error);
  } catch (e) {
    text = String(error);
  }
  return { name: 'Error', message: String(text), stack: '' };
}

parentPort.on('message', async (msg) => {
  if (!msg || msg.type !== 'invoke') return;
  parentPort.postMessage({ type: 'started', id: msg.id });
  resetEventEnv();
  Object.assign(process.env, msg.env);
  try {
    if (loadError) throw loadError;
    const main = loaded && typeof loaded.main === 'function' ? loaded.main : null;
    if (!main) throw new Error('函数入口没有导出 main 方法');
    const event = JSON.parse(msg.event);
    const value = await main(event, msg.context);
    let json;
    try {
      json = JSON.stringify(value === undefined ? null : value);
    } catch (error) {
      throw new Error('函数返回值无法序列化为 JSON：' + error.message);
    }
    parentPort.postMessage({ type: 'done', id: msg.id, ok: true, result: json === undefined ? 'null' : json });
  } catch (error) {
    parentPort.postMessage({ type: 'done', id: msg.id, ok: false, error: serializeError(error) });
  } finally {
    resetEventEnv();
  }
});
