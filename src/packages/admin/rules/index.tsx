import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AppealCategory, RoutingRulesView, RoutingTarget } from '@contract/appeals';
import { ROUTING_TARGET_LABELS } from '@contract/appeals.constants';
import { api } from '@/api';
import { toApiError, type ApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { useRequest } from '@/hooks/useRequest';
import { formatTime } from '@/utils/time';
import { Chips } from '@/components/Chips';
import { StatusTag } from '@/components/StatusTag';
import { pressable, StaffPage } from '../shared/a11y';
import { TARGETS } from '../shared/labels';
import './index.scss';

/** A category's pending change: a new target, or null to go back to the city default. */
type Changes = Partial<Record<AppealCategory, RoutingTarget | null>>;

const TARGET_CHIPS = TARGETS.map((t) => ({ value: t.value, label: t.short }));

function RulesEditor({ initial, canEdit, communityId }: { initial: RoutingRulesView; canEdit: boolean; communityId?: string }) {
  const [view, setView] = useState(initial);
  const [changes, setChanges] = useState<Changes>({});
  const [fallback, setFallback] = useState<RoutingTarget | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const fallbackChange = fallback !== null && fallback !== view.fallback ? fallback : undefined;
  const dirty = Object.keys(changes).length > 0 || fallbackChange !== undefined;

  const pick = (category: AppealCategory, target: RoutingTarget) => {
    const rule = view.rules.find((r) => r.category === category)!;
    setChanges((c) => {
      const next = { ...c };
      // Picking what is already saved (as a community rule) is no change.
      if (rule.source === 'community' && rule.target === target) delete next[category];
      else next[category] = target;
      return next;
    });
  };

  const resetToCity = (category: AppealCategory) => setChanges((c) => ({ ...c, [category]: null }));
  const undo = (category: AppealCategory) =>
    setChanges((c) => {
      const next = { ...c };
      delete next[category];
      return next;
    });

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const next = await api.appeals.updateRoutingRules({
        communityId,
        version: view.version,
        rules: changes,
        fallback: fallbackChange,
      });
      setView(next);
      setChanges({});
      setFallback(null);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      const failure = toApiError(err);
      setError(failure);
      // Someone saved meanwhile: show their rules; the changes typed here stay, to save again on top.
      if (failure.code === 'CONFLICT') setView(await api.appeals.routingRules({ communityId }).catch(() => view));
    } finally {
      setSaving(false);
    }
  };

  const issue = (path: string) => error?.fieldMessage(path);

  return (
    <View data-testid="rules">
      <View className="card">
        <Text className="card__title" data-testid="rules-community">
          {view.communityName}
        </Text>
        <Text className="muted">诉求提交后按类别自动交办。未单独设置的类别沿用全市默认规则。</Text>
        {view.updatedAt && (
          <Text className="muted rules__updated">
            最近修改：{view.updatedByName ?? '—'} {formatTime(view.updatedAt)}
          </Text>
        )}
        {!canEdit && (
          <Text className="admin-banner admin-banner--info rules__readonly" data-testid="rules-readonly">
            仅本社区的社区工作者可以修改流转规则。
          </Text>
        )}
      </View>

      {error && !view.rules.some((r) => issue(`rules.${r.category}`)) && !issue('fallback') && (
        <View className="admin-banner admin-banner--error" ariaRole="alert" data-testid="rules-error">
          <Text>保存失败：{error.message}（修改仍保留，可再次保存）</Text>
        </View>
      )}

      <View className="card">
        {view.rules.map((rule) => {
          const change = changes[rule.category];
          const changed = change !== undefined;
          const shownTarget = change ?? rule.target;
          return (
            <View key={rule.category} className={`rules__row${changed ? ' rules__row--changed' : ''}`} data-testid={`rule-${rule.category}`}>
              <View className="rules__head">
                <Text className="rules__category">{rule.categoryLabel}</Text>
                {changed ? (
                  <StatusTag tone="warning">{change === null ? '将恢复全市默认' : '未保存'}</StatusTag>
                ) : (
                  <StatusTag tone={rule.source === 'community' ? 'primary' : 'neutral'}>{rule.source === 'community' ? '社区设置' : '全市默认'}</StatusTag>
                )}
              </View>
              {canEdit ? (
                <>
                  {change === null ? (
                    <Text className="muted">保存后按全市默认规则交办</Text>
                  ) : (
                    <Chips testId={`rule-${rule.category}-target`} value={shownTarget} onChange={(t) => t && pick(rule.category, t)} options={TARGET_CHIPS} disabled={saving} />
                  )}
                  <View className="rules__links">
                    {changed && (
                      <View className="rules__link" {...pressable(() => undo(rule.category))}>
                        <Text>撤销修改</Text>
                      </View>
                    )}
                    {!changed && rule.source === 'community' && (
                      <View className="rules__link" data-testid={`rule-${rule.category}-reset`} {...pressable(() => resetToCity(rule.category))}>
                        <Text>恢复全市默认</Text>
                      </View>
                    )}
                  </View>
                </>
              ) : (
                <Text data-testid={`rule-${rule.category}-label`}>{rule.targetLabel}</Text>
              )}
              {issue(`rules.${rule.category}`) && (
                <View className="field-error" ariaRole="alert">
                  <Text>{`${rule.categoryLabel}：${issue(`rules.${rule.category}`)}`}</Text>
                </View>
              )}
            </View>
          );
        })}
      </View>

      <View className="card" data-testid="rule-fallback">
        <Text className="card__title">兜底交办</Text>
        <Text className="muted">规则指定的办理方不存在时（例如小区没有物业公司）交给：</Text>
        {canEdit ? (
          <Chips testId="fallback" value={fallback ?? view.fallback} onChange={(t) => t && setFallback(t)} options={TARGET_CHIPS} disabled={saving} />
        ) : (
          <Text className="rules__fallback">{ROUTING_TARGET_LABELS[view.fallback]}</Text>
        )}
        {issue('fallback') && (
          <View className="field-error" ariaRole="alert">
            <Text>{`兜底交办：${issue('fallback')}`}</Text>
          </View>
        )}
      </View>

      {canEdit && (
        <View className="actions">
          <Button type="primary" block loading={saving} disabled={!dirty || saving} onClick={() => void save()} data-testid="rules-save">
            {saving ? '保存中…' : dirty ? '保存修改' : '没有修改'}
          </Button>
        </View>
      )}
    </View>
  );
}

/** 流转规则: which handler each category of the community goes to. Community staff edit; others read. */
export default function AdminRules() {
  const { params } = useRouter();
  const communityId = params.communityId ? decodeURIComponent(params.communityId) : undefined;
  const me = useRequest(() => api.users.me({}), []);
  const rules = useRequest(() => api.appeals.routingRules({ communityId }), [communityId]);

  return (
    <StaffPage title="流转规则" className="rules">
      <AsyncView state={me}>
        {(profile) => {
          // The server checks again; this only decides whether to offer the editor.
          const canEdit = profile.roles.includes('community_staff') && (!communityId || (profile.jurisdiction?.unitIds ?? []).includes(communityId));
          return <AsyncView state={rules}>{(view) => <RulesEditor key={view.communityId} initial={view} canEdit={canEdit} communityId={communityId} />}</AsyncView>;
        }}
      </AsyncView>
    </StaffPage>
  );
}
