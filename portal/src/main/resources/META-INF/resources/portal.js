// Compliance portal: the few things a server-rendered page cannot do alone. Everything else is plain forms.
// 1. countdowns to due moments, 2. uploads with progress (any size, resumable), 3. the live inbox, 4. the due-moment preview,
// 5. the error page's way back, 6. forms whose refusal is shown beside the fields, 7. confirming what cannot be undone.
// No inline script anywhere: the Content-Security-Policy allows only this file.
'use strict';

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
  hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short'
});

function plural(n, unit) { return n + ' ' + unit + (n === 1 ? '' : 's'); }

function span(ms) {
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400), hours = Math.floor(s % 86400 / 3600);
  const minutes = Math.floor(s % 3600 / 60), seconds = s % 60;
  if (days > 0) return plural(days, 'day') + ' ' + plural(hours, 'hour') + ' ' + plural(minutes, 'minute');
  if (hours > 0) return plural(hours, 'hour') + ' ' + plural(minutes, 'minute') + ' ' + plural(seconds, 'second');
  return plural(minutes, 'minute') + ' ' + plural(seconds, 'second');
}

// 1. Countdowns: <time data-due="ISO instant">; overdue ones turn red and say by how much.
function tick() {
  const now = Date.now();
  document.querySelectorAll('[data-due]').forEach(el => {
    const left = Date.parse(el.dataset.due) - now;
    el.textContent = left >= 0 ? span(left) + ' left' : 'overdue by ' + span(-left);
    el.classList.toggle('overdue', left < 0);
  });
}

// 2. Uploads: each chosen file is sent on its own with a progress bar, resumably (tus 1.0, tus-js-client served by
// the portal): when the connection breaks, the upload goes on from the last byte evidence-service holds and the bar
// from there, by itself while the retries last, after a reload of the page too (the browser remembers the upload), or
// with "Try again". Without tus-js-client, the file goes as one request. A refused one says why. The submission form
// gets the id of each file that arrived.
function formatBytes(n) {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return i === 0 ? n + ' bytes' : n.toFixed(1) + ' ' + units[i];
}

// The item of the request a file answers, as chosen beside the file input when the file was picked ('' for none).
function itemOf(box) {
  const choice = box.querySelector('[data-upload-item]');
  return choice && choice.value ? choice.value : '';
}

function upload(box, file) {
  const answers = itemOf(box);
  const list = box.querySelector('.uploads');
  const form = document.getElementById(box.dataset.form);
  const item = document.createElement('li');
  const name = document.createElement('span');
  name.textContent = file.name + ' (' + formatBytes(file.size) + ')';
  const bar = document.createElement('progress');
  bar.max = file.size || 1; bar.value = 0;
  bar.setAttribute('aria-label', 'Upload of ' + file.name);
  const status = document.createElement('span');
  status.className = 'upload-status';
  status.textContent = 'Starting…';
  item.append(name, document.createElement('br'), bar, status);
  list.append(item);

  const progress = (sent, total) => {
    bar.value = sent;
    status.className = 'upload-status';
    status.textContent = ' ' + Math.floor(100 * sent / (total || 1)) + '% (' + formatBytes(sent) + ')';
  };
  const arrived = (uploadId, sha256) => {
    bar.value = bar.max;
    status.className = 'upload-status done';
    status.removeAttribute('role');
    status.textContent = ' Uploaded. SHA-256 ' + sha256;
    item.dataset.uploadId = uploadId;
    const id = document.createElement('input');
    id.type = 'hidden'; id.name = 'uploadIds'; id.value = uploadId;
    form.querySelector('.uploaded-ids').append(id);
  };
  const failed = (message, again) => {
    status.className = 'upload-status failed';
    status.setAttribute('role', 'alert');
    status.textContent = ' Upload failed: ' + message;
    const button = document.createElement('button');
    button.type = 'button'; button.className = 'secondary'; button.textContent = 'Try ' + file.name + ' again';
    button.addEventListener('click', again);
    item.append(document.createElement('br'), button);
  };
  const starting = () => {
    status.className = 'upload-status';
    status.textContent = 'Uploading…';
    item.querySelectorAll('button').forEach(b => b.remove());
  };
  if (window.tus && window.tus.isSupported && box.dataset.resumable) {
    uploadResumably(box, file, answers, item, status, { progress, arrived, failed, starting });
  } else {
    uploadWhole(box, file, answers, { progress, arrived, failed, starting });
  }
}

function detailOf(text, fallback) {
  try { return JSON.parse(text).detail || fallback; } catch (ignored) { return fallback; }
}

function uploadResumably(box, file, answers, item, status, show) {
  let resumes = 0;
  let resuming = false;
  const metadata = { filename: file.name };
  if (answers) metadata.item = answers;
  const upload = new window.tus.Upload(file, {
    endpoint: new URL(box.dataset.resumable, window.location.href).href,
    metadata,
    headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
    // one PATCH carries at most 1 GiB (evidence-service takes at most about 5 GiB in one request body)
    chunkSize: 1024 * 1024 * 1024,
    // after a break: at once, then ever more slowly for about two minutes, asking each time where the service is
    retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000],
    removeFingerprintOnSuccess: true,
    // the same file for the same item of the same request resumes the same upload, after a reload too
    fingerprint: (f, options) => Promise.resolve(['compliance-upload', options.endpoint, answers, f.name, f.type,
      f.size, f.lastModified].join('/')),
    onShouldRetry: err => {
      const code = err.originalResponse ? err.originalResponse.getStatus() : 0;
      const again = (code === 0 || code >= 500 || code === 409 || code === 423) && code !== 499;
      if (again) {
        resuming = true;
        resumes += 1;
        item.dataset.resumes = String(resumes);
        status.className = 'upload-status';
        status.textContent = ' Connection lost; resuming from what evidence-service holds…';
      }
      return again;
    },
    // the first progress after a break starts from the bytes the service holds: the bar goes on from there
    onProgress: (sent, total) => {
      if (resuming) {
        resuming = false;
        item.dataset.resumedAt = String(sent);
      }
      show.progress(sent, total);
    },
    onSuccess: payload => {
      const answer = payload && payload.lastResponse;
      const sha256 = answer && answer.getHeader('Evidence-Sha256');
      show.arrived(upload.url.substring(upload.url.lastIndexOf('/') + 1), sha256 || '(see the receipt)');
    },
    onError: err => {
      const answer = err.originalResponse;
      const code = answer ? answer.getStatus() : 0;
      if (code === 499 || code === 401) {
        show.failed('Your session has ended. Sign in again (reload the page); what arrived is kept and the upload '
          + 'goes on from there.', start);
      } else if (answer && code >= 400 && code < 500) {
        show.failed(detailOf(answer.getBody(), 'The upload was refused (' + code + ').'), start);
      } else {
        show.failed('The connection is lost. What arrived is kept: try again to go on from there.', start);
      }
    }
  });
  function start() {
    show.starting();
    upload.findPreviousUploads().then(previous => {
      if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  }
  start();
}

// Without tus-js-client: the file as one request's raw body (nothing is kept of a broken one).
function uploadWhole(box, file, answers, show) {
  const send = () => {
    show.starting();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', box.dataset.upload + '?fileName=' + encodeURIComponent(file.name)
      + (answers ? '&item=' + encodeURIComponent(answers) : ''));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = e => { if (e.lengthComputable) show.progress(e.loaded, e.total); };
    xhr.onload = () => {
      if (xhr.status === 201) {
        const answer = JSON.parse(xhr.responseText);
        show.arrived(answer.uploadId, answer.sha256);
      } else if (xhr.status === 499 || xhr.status === 401) {
        show.failed('Your session has ended. Sign in again (reload the page); this file was not kept.', send);
      } else {
        show.failed(detailOf(xhr.responseText, 'The upload was refused (' + xhr.status + ').') + ' Nothing was kept.',
          send);
      }
    };
    xhr.onerror = () => show.failed('The upload broke off (connection lost). Nothing was kept.', send);
    xhr.send(file);
  };
  send();
}

// 3. Live inbox: each new notification bumps the unread count and is announced; on the inbox page it is listed.
function listen(url) {
  const source = new EventSource(url);
  // A page left for another must let its stream go: browsers allow only a few connections per site.
  window.addEventListener('pagehide', () => source.close());
  source.onopen = () => { document.body.dataset.live = 'open'; };
  source.onmessage = event => {
    let n;
    try { n = JSON.parse(event.data); } catch (ignored) { return; }
    const badge = document.getElementById('unread-count');
    if (badge) badge.textContent = String((parseInt(badge.textContent, 10) || 0) + 1);
    const live = document.getElementById('live');
    if (live) {
      live.textContent = 'New notification: ' + n.subject;
      setTimeout(() => { if (live.textContent.endsWith(n.subject)) live.textContent = ''; }, 15000);
    }
    const inbox = document.querySelector('[data-inbox]');
    if (inbox) {
      inbox.querySelectorAll('.empty').forEach(e => e.remove());
      let fresh = inbox.querySelector('ul.inbox-new');
      if (!fresh) {
        fresh = document.createElement('ul');
        fresh.className = 'inbox inbox-new';
        fresh.setAttribute('aria-label', 'Just arrived');
        inbox.prepend(fresh);
      }
      const li = document.createElement('li');
      li.className = 'notification unread';
      const subject = document.createElement('p');
      subject.className = 'subject';
      if (n.link) {
        const a = document.createElement('a'); a.href = n.link; a.textContent = n.subject; subject.append(a);
      } else {
        subject.textContent = n.subject;
      }
      const when = document.createElement('p');
      when.className = 'muted';
      when.textContent = LONDON.format(new Date(n.createdAt)) + ' · just now';
      li.append(subject, when);
      fresh.prepend(li);
    }
  };
}

// 5. "Go back" on the error page: back in the history when there is one, else the link (the start page).
function goBack(link) {
  link.addEventListener('click', event => {
    if (history.length > 1) { event.preventDefault(); history.back(); }
  });
}

// 4. The due moment a new evidence request would get, from evidence-service, as its period changes: the days, how
// they are counted and the bank holidays skipped, counted as the case's authority allows (its refusal is shown).
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

function previewDue(period) {
  const preview = document.getElementById(period.dataset.duePreview);
  const dueText = preview.querySelector('[data-due-text]');
  const skippedText = preview.querySelector('[data-skipped-text]');
  const days = period.querySelector('[name=days]');
  const count = period.querySelector('[name=dayCount]');
  const calendar = period.querySelector('[name=calendar]');
  let asked = 0;
  const update = async () => {
    const n = parseInt(days.value, 10);
    const mine = ++asked;
    calendar.disabled = count.value !== 'WORKING';
    if (!(n >= 1 && n <= 366)) { dueText.textContent = 'choose 1 to 366 days'; skippedText.textContent = ''; return; }
    const query = new URLSearchParams({ days: n, count: count.value, caseId: period.dataset.case });
    if (count.value === 'WORKING') query.set('calendar', calendar.value);
    const answer = await fetch('/requests/due-moment?' + query,
      { headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
    // only the answer to the latest change is shown
    if (mine !== asked) return;
    const body = await answer.json().catch(() => ({}));
    if (!answer.ok) { dueText.textContent = body.detail || 'cannot be counted'; skippedText.textContent = ''; return; }
    dueText.textContent = LONDON.format(new Date(body.dueAt));
    const skipped = body.skippedDays || [];
    skippedText.textContent = skipped.length === 0 ? 'No day skipped.' : 'Skipped: ' + skipped
      .map(d => DAY.format(new Date(d.date + 'T00:00:00Z')) + ' (' + d.name + ')').join(', ') + '.';
  };
  [days, count, calendar].forEach(input => input.addEventListener('input', update));
  calendar.disabled = count.value !== 'WORKING';
}

// 6. Forms sent by the page itself, so that a refusal keeps what was typed: the service's problem is shown at the top
// of the form and each of its field errors beside the field it names (by the field's name, or a data-field naming the
// API field it feeds; "allegations[0].legalBasis" falls back to "allegations[0]", then "allegations"). A change that
// succeeds goes where the portal says (it would have redirected there). Forms marked data-plain-submit post as usual.
const LAST_PART = /(\.[^.[\]]*|\[[^\]]*\])$/;

function fieldFor(form, name) {
  let key = name;
  for (;;) {
    const found = Array.from(form.elements).find(e => e.dataset.field === key || e.name === key);
    if (found) return found;
    if (!LAST_PART.test(key)) return null;
    key = key.replace(LAST_PART, '');
  }
}

function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
  const top = form.querySelector('.form-problem');
  if (top) { top.hidden = true; top.textContent = ''; }
}

function showProblem(form, problem) {
  let top = form.querySelector('.form-problem');
  if (!top) {
    top = document.createElement('div');
    top.className = 'form-problem'; top.setAttribute('role', 'alert');
    form.prepend(top);
  }
  const title = document.createElement('p');
  title.textContent = (problem.title ? problem.title + ': ' : '') + (problem.detail || 'The change was refused.')
    + (problem.status ? ' (status ' + problem.status + ')' : '') + ' Nothing was changed.';
  top.append(title);
  const unplaced = document.createElement('ul');
  let first = null;
  (problem.errors || []).forEach((error, i) => {
    const field = fieldFor(form, error.field);
    if (!field) {
      const li = document.createElement('li'); li.textContent = error.field + ': ' + error.message; unplaced.append(li);
      return;
    }
    const message = document.createElement('p');
    message.className = 'field-error';
    message.id = 'error-' + i + '-' + (field.id || 'field');
    message.textContent = error.message;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', message.id);
    field.insertAdjacentElement('afterend', message);
    first = first || field;
  });
  if (unplaced.children.length) top.append(unplaced);
  if (problem.requestId) {
    const id = document.createElement('p'); id.className = 'muted'; id.textContent = 'Request id ' + problem.requestId;
    top.append(id);
  }
  top.hidden = false;
  if (first) { first.focus(); } else { top.tabIndex = -1; top.focus(); }
}

async function sendInline(form, submitter) {
  clearErrors(form);
  const body = new URLSearchParams(new FormData(form, submitter));
  const buttons = form.querySelectorAll('button');
  buttons.forEach(b => { b.disabled = true; });
  try {
    // the attribute, not form.action: a field named "action" would stand in for the property
    const answer = await fetch(form.getAttribute('action') || window.location.href, {
      method: 'POST', body, redirect: 'manual',
      // no Accept of its own: the form's address answers pages; X-Requested-With asks for problems as JSON
      headers: { 'X-Portal-Form': 'inline', 'X-Requested-With': 'XMLHttpRequest' }
    });
    const type = answer.headers.get('Content-Type') || '';
    if (answer.ok && type.startsWith('application/json')) {
      const where = (await answer.json()).location;
      if (where) { window.location.assign(where); return; }
    }
    if (answer.ok && type.startsWith('text/html')) {
      document.open(); document.write(await answer.text()); document.close(); return;
    }
    if (answer.status === 499 || answer.status === 401 || answer.type === 'opaqueredirect') {
      showProblem(form, { title: 'Signed out', detail: 'Your session has ended. Copy what you typed, then reload the page to sign in again.' });
      return;
    }
    showProblem(form, await answer.json().catch(() => ({ status: answer.status, detail: 'The portal could not read the answer.' })));
  } catch (e) {
    showProblem(form, { title: 'Not sent', detail: 'The portal could not be reached; what you typed is still here.' });
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

// 7. Forms marked data-confirm="what will happen" ask first, in a dialog that says what cannot be undone.
function confirmFirst(form, go) {
  const dialog = document.createElement('dialog');
  dialog.className = 'confirm';
  dialog.setAttribute('aria-labelledby', 'confirm-title');
  const title = document.createElement('h2'); title.id = 'confirm-title'; title.textContent = 'This cannot be undone';
  const what = document.createElement('p'); what.textContent = form.dataset.confirm;
  const yes = document.createElement('button'); yes.type = 'button'; yes.textContent = 'Yes, go ahead';
  yes.dataset.confirmYes = '';
  const no = document.createElement('button'); no.type = 'button'; no.className = 'secondary'; no.textContent = 'Cancel';
  dialog.append(title, what, yes, document.createTextNode(' '), no);
  document.body.append(dialog);
  const close = () => { dialog.close(); dialog.remove(); };
  no.addEventListener('click', close);
  dialog.addEventListener('cancel', close);
  yes.addEventListener('click', () => { close(); go(); });
  dialog.showModal();
  no.focus();
}

function enhanceForm(form) {
  // the attribute, not form.method: the case page's step forms have a field named "method"
  if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post') return;
  const plain = form.hasAttribute('data-plain-submit');
  form.addEventListener('submit', event => {
    if (form.dataset.confirmed === 'yes') { delete form.dataset.confirmed; return; }
    // a plain form that asks nothing first posts as the browser does (requestSubmit inside this event does nothing)
    if (plain && !form.dataset.confirm) return;
    event.preventDefault();
    const submitter = event.submitter;
    // called from the dialog's button, after this event: the plain form is then submitted again, confirmed
    const go = () => {
      if (plain) { form.dataset.confirmed = 'yes'; form.requestSubmit(submitter); }
      else sendInline(form, submitter);
    };
    if (form.dataset.confirm) confirmFirst(form, go); else go();
  });
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('form').forEach(enhanceForm);
  tick();
  if (document.querySelector('[data-due]')) setInterval(tick, 1000);
  document.querySelectorAll('[data-upload]').forEach(box => {
    box.querySelector('input[type=file]').addEventListener('change', e => {
      Array.from(e.target.files).forEach(file => upload(box, file));
      e.target.value = '';
    });
  });
  document.querySelectorAll('[data-due-preview]').forEach(previewDue);
  document.querySelectorAll('[data-back]').forEach(goBack);
  const live = document.body.dataset.liveInbox;
  if (live && window.EventSource) listen(live);
});
