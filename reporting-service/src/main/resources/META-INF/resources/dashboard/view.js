// What the dashboard's modules share: colours, the page's state, formatting, the API client and the chart
// helpers (ECharts is loaded by index.html as a global).

export const COLORS = {
  bar: '#3ba4ff',
  line: '#ffc53d',
  up: '#ff6b6b',
  down: '#36cfc9',
  highlight: '#ff9c3b',
  lag: '#ff4d4f',
  target: '#61ddaa',
  text: '#d6e4ff',
  muted: '#8aa0c8',
  grid: 'rgba(138, 160, 200, 0.18)',
  funnel: ['#5b8ff9', '#61ddaa', '#65789b', '#f6bd16', '#7262fd'],
  pie: ['#3ba4ff', '#ffc53d', '#ff6b6b', '#36cfc9', '#9254de', '#73d13d', '#ff9c3b', '#597ef7']
};

export const byTestId = id => document.querySelector(`[data-testid="${id}"]`);

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export const state = {
  config: null,
  session: null,     // session.js: the login of this page
  user: {},          // {username, district, roles} of the logged-in user
  scope: null,       // the user's district claim, e.g. 4101 or 410106
  cityLevel: false,  // the claim is a prefix of several districts
  year: null,
  month: null,
  district: '',      // '' = the user's whole scope
  data: {},
  errors: {},
  charts: {},
  loading: null
};

// ---------------------------------------------------------------------------------------------------------------
// Formatting

export function num(v) {
  return v === null || v === undefined || v === '' ? null : Number(v);
}

export function yi(wan, yiFromApi) {
  if (yiFromApi !== null && yiFromApi !== undefined) {
    return Number(yiFromApi).toFixed(1);
  }
  return wan === null || wan === undefined ? '—' : (Number(wan) / 10000).toFixed(1);
}

export function percent(v, signed) {
  if (v === null || v === undefined) {
    return '—';
  }
  const n = Number(v);
  return (signed && n > 0 ? '+' : '') + n.toFixed(1) + '%';
}

export function periodLabel(month) {
  return `1-${month}月`;
}

export function districtLabel(code) {
  if (!code) {
    return '';
  }
  const d = state.config.districts.find(x => x.code === code);
  if (d) {
    return d.label;
  }
  return code.length < 6 ? `全市（${code}）` : code;
}

export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
}

/** Base font size in px, following the root font size that CSS scales with the viewport. */
export function fontSize(factor = 1) {
  return Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * factor);
}

// ---------------------------------------------------------------------------------------------------------------
// API

export async function api(path, params = {}) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== null && v !== undefined && v !== '') {
      q.set(k, v);
    }
  });
  const r = await state.session.get(path + (q.toString() ? '?' + q : ''));
  if (r.status === 403) {
    const detail = await problemDetail(r);
    throw new ApiError(403, '无权查看该数据：您的账号没有访问此报表或此区县的权限' + (detail ? `（${detail}）` : ''));
  }
  if (!r.ok) {
    const detail = await problemDetail(r);
    throw new ApiError(r.status, `数据加载失败（HTTP ${r.status}）` + (detail ? `：${detail}` : ''));
  }
  return r.json();
}

export async function problemDetail(r) {
  try {
    const p = await r.json();
    return p.detail || p.title || '';
  } catch (e) {
    return '';
  }
}

/** The district the KPIs describe: the selected one, or the user's own when they are a district user. */
export function focusDistrict() {
  if (state.district) {
    return state.district;
  }
  return state.scope && state.scope.length === 6 ? state.scope : null;
}

/** The chart of a container, created on first use; an error replaces the chart with a message. */
export function chartIn(id, error) {
  const el = byTestId(id);
  let note = el.parentElement.querySelector(`.panel-note[data-for="${id}"]`);
  if (error) {
    if (state.charts[id]) {
      state.charts[id].dispose();
      delete state.charts[id];
    }
    delete el.dataset.value;
    el.classList.add('failed');
    if (!note) {
      note = document.createElement('div');
      note.className = 'panel-note';
      note.dataset.for = id;
      el.after(note);
    }
    note.textContent = error.message || '数据加载失败';
    return null;
  }
  el.classList.remove('failed');
  if (note) {
    note.remove();
  }
  if (!state.charts[id]) {
    state.charts[id] = echarts.init(el, null, {renderer: 'canvas'});
    // The grid decides each panel's size: follow it (window resizes, a message appearing, the table filling).
    new ResizeObserver(() => state.charts[id] && state.charts[id].resize()).observe(el);
  }
  return state.charts[id];
}

export function baseOption() {
  const fs = fontSize(0.9);
  return {
    backgroundColor: 'transparent',
    textStyle: {color: COLORS.text, fontSize: fs, fontFamily: getComputedStyle(document.body).fontFamily},
    tooltip: {textStyle: {fontSize: fs}, confine: true},
    legend: {textStyle: {color: COLORS.text, fontSize: fs}, itemWidth: fs * 1.6, itemHeight: fs * 0.8, top: 0},
    animationDuration: 400
  };
}

export function axisStyle() {
  const fs = fontSize(0.85);
  return {
    axisLabel: {color: COLORS.muted, fontSize: fs},
    axisLine: {lineStyle: {color: COLORS.grid}},
    splitLine: {lineStyle: {color: COLORS.grid}},
    nameTextStyle: {color: COLORS.muted, fontSize: fs}
  };
}
