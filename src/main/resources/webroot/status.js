'use strict';

const TOKEN_KEY = 'bantin.token';

function takeTokenFromFragment() {
  const m = location.hash.match(/token=([^&]+)/);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname);
  }
}

async function api(path) {
  const res = await fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) } });
  if (res.status === 401) throw new Error('unauthorized');
  if (!res.ok) throw new Error(path + ': HTTP ' + res.status);
  return res.json();
}

const fmtTime = ms => ms ? new Date(ms).toLocaleString('vi-VN', { hour12: false }) : '—';
const fmtDur = ms => ms == null ? '—' : (ms / 1000).toFixed(1) + ' s';

function cell(text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  return td;
}

function fill(tableId, rows) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren(...rows.map(cells => {
    const tr = document.createElement('tr');
    tr.append(...cells);
    return tr;
  }));
}

function liveness(e) {
  if (e.status !== 'ACTIVE') return cell(e.status, 'warn');
  if (!e.lastSeenAt) return cell('Chưa kết nối / never seen', 'muted');
  const age = (Date.now() - e.lastSeenAt) / 1000;
  return age < 120 ? cell('Trực tuyến / online', 'ok') : cell('Mất kết nối / offline ' + Math.round(age / 60) + ' ph', 'bad');
}

async function refresh() {
  document.getElementById('clock').textContent = fmtTime(Date.now());
  const [endpoints, plays, campaigns, report, assets] = await Promise.all([
    api('/api/v1/endpoints'), api('/api/v1/plays?limit=15'), api('/api/v1/campaigns'), api('/api/v1/reports?period=today'),
    api('/api/v1/assets')]);
  const assetNames = Object.fromEntries(assets.map(a => [a.sha256, a.name]));
  const names = Object.fromEntries(endpoints.map(e => [e.id, e.name]));
  const campaignNames = Object.fromEntries(campaigns.map(c => [c.id, c.name]));
  fill('endpoints', endpoints.map(e => {
    const np = e.heartbeat && e.heartbeat.nowPlaying;
    return [cell(e.name), cell(e.kind), liveness(e), cell(fmtTime(e.lastSeenAt)),
      cell(np ? (assetNames[np.sha256] || (np.sha256 || '').slice(0, 12)) + (np.mode === 'LOOP' ? ' (lặp / loop)' : '') : '—',
        np ? 'ok' : 'muted')];
  }));
  fill('plays', plays.map(p => [cell(names[p.endpointId] || p.endpointId), cell(p.seq),
    cell((p.class === 'EMERGENCY' ? 'KHẨN CẤP / EMERGENCY' : (campaignNames[p.campaignId] || '—')) + ' · '
      + (assetNames[p.sha256] || ''), p.class === 'EMERGENCY' ? 'bad' : null), cell(fmtTime(p.actualStart)),
    cell(fmtDur(p.actualEnd && p.actualStart ? p.actualEnd - p.actualStart : null)),
    cell(p.outcome, p.outcome === 'PLAYED' ? 'ok' : 'warn'),
    cell(p.chainBroken ? 'đứt / broken' : 'nguyên vẹn / intact', p.chainBroken ? 'bad' : 'ok')]));
  fill('report', report.campaigns.map(r => [cell(r.name || r.id), cell(r.broadcasts.expected),
    cell(r.broadcasts.played),
    cell(r.broadcasts.completionRate == null ? '—' : Math.round(r.broadcasts.completionRate * 100) + ' %'),
    cell(fmtDur(r.airtimeMs))]));
}

async function tick() {
  try {
    await refresh();
    document.getElementById('status').hidden = false;
    document.getElementById('login').hidden = true;
  } catch (e) {
    if (e.message === 'unauthorized') {
      document.getElementById('status').hidden = true;
      document.getElementById('login').hidden = false;
      return;
    }
    console.error(e);
  }
  setTimeout(tick, 2000);
}

document.getElementById('login-form').addEventListener('submit', ev => {
  ev.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, document.getElementById('token').value.trim());
  tick();
});

document.getElementById('csv').addEventListener('click', async ev => {
  ev.preventDefault();
  const res = await fetch('/api/v1/reports?period=today&format=csv',
    { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) } });
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: 'bantin-bao-cao.csv' });
  a.click();
  URL.revokeObjectURL(url);
});

takeTokenFromFragment();
tick();
