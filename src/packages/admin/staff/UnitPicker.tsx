import { View, Text } from '@tarojs/components';
import type { OrgLevel } from '@contract/org.constants';
import { ORG_LEVEL_LABELS } from '@contract/org.constants';
import { api } from '@/api';
import { Chips } from '@/components/Chips';
import { useRequest } from '@/hooks/useRequest';

/** One row of units: the caller's own (no parent) or a chosen unit's children. */
function UnitRow({ parentId, value, onPick, testId }: { parentId: string | undefined; value: string | null; onPick: (id: string, level: OrgLevel) => void; testId: string }) {
  const units = useRequest(() => api.org.listUnits({ parentId }), [parentId]);
  if (units.loading) return <Text className="staff__meta">加载单位…</Text>;
  if (units.error) return <Text className="field-error">{units.error.message}</Text>;
  const list = units.data ?? [];
  return (
    <Chips<string | null>
      testId={testId}
      options={list.map((u) => ({ value: u.id, label: u.name }))}
      value={value}
      onChange={(id) => {
        const unit = list.find((u) => u.id === id);
        if (unit) onPick(unit.id, unit.level);
      }}
    />
  );
}

/**
 * 选择单位: from the caller's own units down, one row per level, until a unit of `level` is chosen.
 * `path` is the chosen units from the top; the last one at `level` is the answer.
 */
export function UnitPicker({ level, path, onChange }: { level: OrgLevel; path: Array<{ id: string; level: OrgLevel }>; onChange: (path: Array<{ id: string; level: OrgLevel }>) => void }) {
  const last = path[path.length - 1];
  const rows = [undefined, ...path.filter((p) => p.level !== level).map((p) => p.id)];
  return (
    <View data-testid="unit-picker">
      <Text className="staff__label">选择{ORG_LEVEL_LABELS[level]}</Text>
      {rows.map((parentId, i) => (
        <UnitRow
          key={parentId ?? 'top'}
          parentId={parentId}
          testId={`unit-${i}`}
          value={path[i]?.id ?? null}
          onPick={(id, unitLevel) => onChange([...path.slice(0, i), { id, level: unitLevel }])}
        />
      ))}
      {last && last.level !== level && <Text className="staff__meta">请继续选择下一级</Text>}
    </View>
  );
}
