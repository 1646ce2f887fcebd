// The 预警 panel: red and yellow milestone lights (倒排工期) per district, and the warning list worst first.
import {api, byTestId, escapeHtml, state} from './view.js';

export const WARNING_ROWS = 8;

/** The panel's two reports, loaded with the others (the lights are computed for today, whatever period is shown). */
export const WARNING_REPORTS = {
  warnings: () => api('/api/reports/warnings/summary', {district: state.district}),
  warningList: () => api('/api/reports/warnings', {district: state.district, size: WARNING_ROWS})
};

const LIGHT_LABELS = {RED: '红灯', YELLOW: '黄灯'};

export function renderWarnings() {
  const total = byTestId('warnings-total');
  const districts = byTestId('table-warning-districts');
  const projects = byTestId('table-warnings');
  const error = state.errors.warnings || state.errors.warningList;
  if (error) {
    total.textContent = error.status === 403 ? '无权查看' : (error.message || '数据加载失败');
    total.dataset.tone = 'error';
    [total, districts, projects].forEach(el => delete el.dataset.value);
    districts.querySelector('tbody').innerHTML = '';
    projects.querySelector('tbody').innerHTML = '';
    return;
  }
  const sum = state.data.warnings;
  const list = state.data.warningList;
  byTestId('warnings-as-of').textContent = `截至 ${sum.asOf} · 黄灯提前 ${sum.atRiskDays} 天`;
  const t = sum.total;
  total.textContent = `红灯 ${t.red} 个 · 黄灯 ${t.yellow} 个 · 绿灯 ${t.green} 个`;
  total.dataset.tone = t.red > 0 ? 'alert' : '';
  total.dataset.value = JSON.stringify(t);

  const rows = sum.rows.filter(r => r.red + r.yellow > 0)
      .sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.district.localeCompare(b.district))
      .slice(0, WARNING_ROWS);
  districts.querySelector('tbody').innerHTML = rows.length
    ? rows.map(r => `<tr data-district="${escapeHtml(r.district)}">
      <td>${escapeHtml(r.label)}</td>
      <td class="num light-red">${r.red}</td><td class="num light-yellow">${r.yellow}</td>
      <td class="num">${r.planned}</td></tr>`).join('')
    : '<tr class="empty"><td colspan="4">暂无红灯、黄灯项目</td></tr>';
  districts.dataset.value = JSON.stringify(rows.map(r => [r.district, r.red, r.yellow]));

  const items = list.items || [];
  projects.querySelector('tbody').innerHTML = items.length
    ? items.map(i => `<tr data-project-id="${escapeHtml(i.projectId)}" data-light="${escapeHtml(i.light)}">
      <td><span class="lamp lamp-${escapeHtml(i.light.toLowerCase())}" title="${LIGHT_LABELS[i.light] || ''}"></span>
        <span title="${escapeHtml(i.code)}">${escapeHtml(i.name || i.code)}</span></td>
      <td>${escapeHtml(i.districtLabel || i.district)}</td>
      <td>${escapeHtml(i.nodeName)}</td>
      <td>${escapeHtml(i.planned)}</td>
      <td class="days">${i.daysLate > 0 ? i.daysLate + '天' : '临期'}</td>
      <td>${escapeHtml(i.leader || '—')}</td></tr>`).join('')
    : '<tr class="empty"><td colspan="6">暂无预警项目</td></tr>';
  projects.dataset.value = JSON.stringify(items.map(i => i.projectId));
}
