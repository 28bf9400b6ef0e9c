import { View, Text } from '@tarojs/components';
import { ORG_LEVEL_LABELS, type OrgLevel } from '@contract/org.constants';
import type { OrgUnitView } from '@contract/org';
import { api } from '@/api';
import { Chips } from '@/components/Chips';
import { useRequest } from '@/hooks/useRequest';

export type ScopePath = Array<Pick<OrgUnitView, 'id' | 'name' | 'level'>>;

/** One row of units: the caller's own (no parent) or a chosen unit's children. */
function UnitRow({ parentId, value, onPick, testId }: { parentId: string | undefined; value: string | null; onPick: (unit: OrgUnitView) => void; testId: string }) {
  const units = useRequest(() => api.org.listUnits({ parentId }), [parentId]);
  if (units.loading) return <Text className="muted">加载单位…</Text>;
  if (units.error) return <Text className="field-error">{units.error.message}</Text>;
  const list = units.data ?? [];
  if (list.length === 0) return null;
  return (
    <Chips<string | null>
      testId={testId}
      options={list.map((u) => ({ value: u.id, label: u.name }))}
      value={value}
      onChange={(id) => {
        const unit = list.find((u) => u.id === id);
        if (unit) onPick(unit);
      }}
    />
  );
}

/** 范围: the caller's own units, then the chosen unit's children down to the grids; the last one chosen is the scope. */
export function ScopePicker({ path, onChange }: { path: ScopePath; onChange: (path: ScopePath) => void }) {
  const parents = [undefined, ...path.filter((p) => p.level !== 'grid').map((p) => p.id)];
  return (
    <View data-testid="scope-picker">
      {parents.map((parentId, i) => (
        <View key={parentId ?? 'top'}>
          {i > 0 && <Text className="muted posters__line">（可选）{path[i - 1].name}下的{ORG_LEVEL_LABELS[childLevel(path[i - 1].level)]}</Text>}
          <UnitRow parentId={parentId} testId={`scope-${i}`} value={path[i]?.id ?? null} onPick={(u) => onChange([...path.slice(0, i), { id: u.id, name: u.name, level: u.level }])} />
        </View>
      ))}
    </View>
  );
}

const CHILD: Record<OrgLevel, OrgLevel> = { district: 'street', street: 'community', community: 'grid', grid: 'grid' };
const childLevel = (level: OrgLevel) => CHILD[level];
