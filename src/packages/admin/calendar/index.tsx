import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Textarea, Input } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { CalendarYearView } from '@contract/calendar';
import { api } from '@/api';
import { toApiError, type ApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { useRequest } from '@/hooks/useRequest';
import { formatTime, today } from '@/utils/time';
import { StaffPage } from '../shared/a11y';
import { parseLines, toLines, type ParsedLines } from './lines';
import '../shared/shared.scss';
import './index.scss';

const NOTE_MAX = 100;
const LINES_MAX = 4000;

interface LineIssue {
  line: number | null;
  message: string;
}

/** The server's issues on `holidays.3.date` / `makeupDays.0.date` as the pasted lines they came from. */
function lineIssues(error: ApiError, parsed: ParsedLines): LineIssue[] {
  const out: LineIssue[] = [];
  for (const issue of error.issues) {
    const m = /^(holidays|makeupDays)(?:\.(\d+))?/.exec(issue.path);
    if (!m) continue;
    const line = m[2] === undefined ? null : parsed.lineOf[m[1] as 'holidays' | 'makeupDays'][Number(m[2])] ?? null;
    out.push({ line, message: issue.message });
  }
  return out;
}

function ScheduleEditor({ view, onSaved }: { view: CalendarYearView; onSaved: (next: CalendarYearView) => void }) {
  // An official or built-in year starts from its days; a year by rule starts empty (no 调休 to copy).
  const [text, setText] = useState(view.source === 'rule' ? '' : toLines(view.days));
  const [note, setNote] = useState(view.note ?? '');
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<LineIssue[]>([]);
  const [error, setError] = useState<ApiError>();

  const save = async () => {
    const parsed = parseLines(text);
    setError(undefined);
    setIssues(parsed.errors);
    if (parsed.errors.length > 0) return;
    setSaving(true);
    try {
      const next = await api.org.setCalendarYear({
        year: view.year,
        holidays: parsed.holidays,
        makeupDays: parsed.makeupDays,
        note: note.trim() || undefined,
        expectedVersion: view.version,
      });
      onSaved(next);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      const e = toApiError(err);
      setError(e);
      setIssues(lineIssues(e, parsed));
    } finally {
      setSaving(false);
    }
  };

  const noteError = error?.fieldMessage('note');
  const general = error && issues.length === 0 && !noteError ? error : undefined;
  // In the browser Taro puts `ariaLabel` on its wrapper, not on the <textarea>/<input> a screen reader
  // reads: the label (with the field's errors, said with it) goes on the element itself.
  const linesLabel = ['放假安排', ...issues.map((issue) => `${issue.line ? `第 ${issue.line} 行：` : ''}${issue.message}`)].join('；');
  const noteLabel = noteError ? `文件名称或文号（选填）：${noteError}` : '文件名称或文号（选填）';

  return (
    <View className="card" data-testid="calendar-editor">
      <Text className="card__title">录入 {view.year} 年国务院放假安排</Text>
      <Text className="muted calendar__hint">
        每行一天，写日期和节日名称，连续的假日可写成“2027-02-05 至 2027-02-13 春节”；调休上班的周末写“补班”。保存后替换该年原有安排，每次保存都留有记录。
      </Text>
      <Textarea
        className={`textarea textarea--tall calendar__lines${issues.length ? ' textarea--error' : ''}`}
        data-testid="calendar-lines"
        value={text}
        placeholder={'2027-01-01 元旦\n2027-02-05 至 2027-02-13 春节\n2027-02-20 补班'}
        maxlength={LINES_MAX}
        disabled={saving}
        ariaLabel={linesLabel}
        nativeProps={{ 'aria-label': linesLabel, 'aria-invalid': issues.length > 0 ? 'true' : 'false' }}
        onInput={(e) => setText(e.detail.value)}
      />
      {issues.length > 0 && (
        <View className="calendar__issues" ariaRole="alert" data-testid="calendar-lines-error">
          {issues.map((issue, i) => (
            <Text key={i} className="field-error">
              {issue.line ? `第 ${issue.line} 行：` : ''}
              {issue.message}
            </Text>
          ))}
        </View>
      )}
      <Text className="calendar__label">文件名称或文号（选填）</Text>
      <Input
        className="calendar__note"
        data-testid="calendar-note"
        value={note}
        placeholder="如：国务院办公厅关于2027年部分节假日安排的通知"
        maxlength={NOTE_MAX}
        disabled={saving}
        ariaLabel={noteLabel}
        nativeProps={{ 'aria-label': noteLabel, 'aria-invalid': noteError ? 'true' : 'false' }}
        onInput={(e) => setNote(e.detail.value)}
      />
      {noteError && (
        <View className="field-error" ariaRole="alert">
          <Text>{noteError}</Text>
        </View>
      )}
      {general && (
        <View className="admin-banner admin-banner--error calendar__error" ariaRole="alert" data-testid="calendar-error">
          <Text>保存失败：{general.message}</Text>
        </View>
      )}
      <View className="actions">
        <Button type="primary" block loading={saving} disabled={saving} onClick={() => void save()} data-testid="calendar-save">
          {saving ? '保存中…' : '保存放假安排'}
        </Button>
      </View>
    </View>
  );
}

function YearCalendar({ initial, canEdit }: { initial: CalendarYearView; canEdit: boolean }) {
  const [view, setView] = useState(initial);
  return (
    <View data-testid="calendar">
      <View className="card">
        <View className="calendar__head">
          <Text className="card__title">{view.year} 年节假日</Text>
          <View data-testid="calendar-source">
            <Tag plain type={view.source === 'rule' ? 'warning' : 'primary'}>
              {view.sourceLabel}
            </Tag>
          </View>
        </View>
        {view.source === 'rule' && (
          <Text className="admin-banner admin-banner--error" data-testid="calendar-rule-warning">
            {view.year} 年放假安排尚未录入：以下只是按法定节假日推算的假日，不含调休和补班，期限与办事时间可能与国务院公布的安排不一致。
          </Text>
        )}
        {view.missingStatutory.length > 0 && (
          <Text className="admin-banner admin-banner--error" data-testid="calendar-missing">
            以下法定节假日在录入的安排中仍是工作日，请核对：{view.missingStatutory.map((d) => `${d.date.slice(5)} ${d.name}`).join('、')}
          </Text>
        )}
        {view.updatedAt && (
          <Text className="muted calendar__updated">
            {view.note ? `${view.note} · ` : ''}最近录入：{view.updatedByName ?? '—'} {formatTime(view.updatedAt)}
          </Text>
        )}
        <View className="admin-table">
          {view.days.map((d) => (
            <View key={`${d.kind}-${d.date}`} className={`admin-table__row calendar__day calendar__day--${d.kind}`} data-testid={`calendar-day-${d.date}`}>
              <Text className="admin-table__cell calendar__date">
                {d.date.slice(5)} {d.weekdayLabel}
              </Text>
              <Text className="admin-table__cell admin-table__cell--name">{d.name}</Text>
              <Text className="admin-table__cell calendar__kind">{d.kind === 'off' ? '放假' : '上班'}</Text>
            </View>
          ))}
        </View>
        {view.days.length === 0 && <Text className="admin-empty">没有节假日</Text>}
      </View>

      {view.history.length > 0 && (
        <View className="card" data-testid="calendar-history">
          <Text className="card__title">录入记录</Text>
          {view.history.map((v) => (
            <View key={v.version} className="calendar__version">
              <Text>
                第 {v.version} 版 · {v.byName} · {formatTime(v.at)}
              </Text>
              <Text className="muted">
                放假 {v.holidayCount} 天，补班 {v.makeupCount} 天{v.note ? ` · ${v.note}` : ''}
              </Text>
            </View>
          ))}
        </View>
      )}

      {canEdit && <ScheduleEditor key={view.version} view={view} onSaved={setView} />}
    </View>
  );
}

/** 节假日安排: each year's days off and 补班 with their source; the district enters the official schedule. */
export default function AdminCalendar() {
  const { params } = useRouter();
  const day = today();
  const thisYear = Number(day.slice(0, 4));
  const asked = Number(params.year);
  // From December the page opens on next year, the one to enter.
  const [year, setYear] = useState(Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : day >= `${thisYear}-12-01` ? thisYear + 1 : thisYear);
  const years = Array.from(new Set([thisYear - 1, thisYear, thisYear + 1, year])).sort((a, b) => a - b);
  const me = useRequest(() => api.users.me({}), []);
  const view = useRequest(() => api.org.calendarYear({ year }), [year]);

  return (
    <StaffPage title="节假日安排" className="calendar">
      <Chips testId="calendar-year" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
      <AsyncView state={me}>
        {(profile) => (
          <AsyncView state={view}>
            {(v) => <YearCalendar key={`${v.year}-${v.version}`} initial={v} canEdit={profile.roles.includes('district_commander')} />}
          </AsyncView>
        )}
      </AsyncView>
    </StaffPage>
  );
}
