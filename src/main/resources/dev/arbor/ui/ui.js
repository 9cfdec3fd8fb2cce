// What every view shares: the page's main element, the notice line, running an action, the confirmation dialog.

import { h, replace } from './dom.js';

export const view = document.getElementById('view');
const notice = document.getElementById('notice');

let refresh = async () => {};
let pendingNotice = null;

/** The router's way to show the current view again; set once at start (the views must not import the router). */
export function onRefresh(render) {
  refresh = render;
}

export function say(message, kind = 'success') {
  notice.className = `notice ${kind}`;
  notice.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  replace(notice, message);
}

export function clearNotice() {
  notice.className = 'notice';
  replace(notice);
}

export function failure(error) {
  const details = error.details && error.details.length ? h('ul', {}, error.details.map(d => h('li', {}, String(d)))) : null;
  const problems = error.problems && error.problems.length
    ? h('ul', {}, error.problems.map(p => h('li', {}, `${p.field ? p.field + ': ' : ''}${p.errorMessage}`))) : null;
  say([h('strong', {}, error.message), details, problems], 'error');
}

/** The notice an action left for the home page when its own view was gone; null when there is none. */
export function takePendingNotice() {
  const message = pendingNotice;
  pendingNotice = null;
  return message;
}

/**
 * Runs an action the user asked for, shows the view again with fresh data and says how it went; when the view is
 * gone with the action (the user left the scope), goes home and says it there.
 */
export async function act(run, success) {
  try {
    await run();
  } catch (error) {
    failure(error);
    return;
  }
  try {
    await refresh();
    say(success);
  } catch (gone) {
    pendingNotice = success;
    location.hash = '#/';
  }
}

export function confirmDialog(text) {
  const dialog = document.getElementById('confirm');
  replace(document.getElementById('confirm-text'), text);
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}
