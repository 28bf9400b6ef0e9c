import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BOOKING_LIMITS, type BookingSettingsView, type ServiceView } from '@contract/booking.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { ToggleChip } from '@/components/Chips';
import { CheckRow } from '@/components/CheckRow';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';

/**
 * Edits one service (or adds one when `service` is absent): name, 说明, 材料清单 one per line,
 * minutes, windows, 上门 and whether it is open for booking.
 */
export function ServiceForm({
  settings,
  service,
  onSaved,
  onClose,
}: {
  settings: BookingSettingsView;
  service?: ServiceView;
  onSaved: (s: BookingSettingsView) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [materials, setMaterials] = useState((service?.materials ?? []).join('\n'));
  const [minutes, setMinutes] = useState(String(service?.minutes ?? 15));
  const [windowIds, setWindowIds] = useState<string[]>(service?.windowIds ?? settings.windows.slice(0, 1).map((w) => w.id));
  const [homeVisit, setHomeVisit] = useState(service?.homeVisit ?? false);
  const [active, setActive] = useState(service?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const testId = service ? `service-form-${service.id}` : 'service-form-new';

  const submit = async () => {
    setError(undefined);
    const n = Number(minutes.trim());
    if (!minutes.trim() || !Number.isInteger(n)) {
      return setError(new ApiError('INVALID_INPUT', '每次办理分钟数应为整数', [{ path: 'service.minutes', message: '每次办理分钟数应为整数' }]));
    }
    setBusy(true);
    try {
      const saved = await api.booking.saveService({
        communityId: settings.community.id,
        version: settings.version,
        service: {
          id: service?.id,
          name: name.trim(),
          description: description.trim() || undefined,
          materials: materials
            .split('\n')
            .map((m) => m.trim())
            .filter(Boolean),
          minutes: n,
          windowIds,
          homeVisit,
          active,
        },
      });
      toast(service ? '服务已保存' : '服务已添加');
      onSaved(saved);
      onClose();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const toggleWindow = (id: string, on: boolean) => setWindowIds((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));
  const named = ['service.name', 'service.description', 'service.materials', 'service.minutes', 'service.windowIds'].some((p) => error?.fieldMessage(p));

  return (
    <View className="card" data-testid={testId}>
      <Text className="card__title">{service ? `编辑：${service.name}` : '添加服务'}</Text>
      <TextField label="服务名称" kind="line" testId="service-name" path="service.name" error={error} value={name} maxLength={BOOKING_LIMITS.nameMax} onChange={setName} />
      <TextField label="服务说明（可不填）" testId="service-description" path="service.description" error={error} value={description} maxLength={BOOKING_LIMITS.descriptionMax} onChange={setDescription} />
      <TextField
        label="材料清单（每行一项）"
        testId="service-materials"
        path="service.materials"
        error={error}
        value={materials}
        maxLength={BOOKING_LIMITS.materialsMax * (BOOKING_LIMITS.materialMax + 1)}
        counter={false}
        placeholder={'身份证原件\n户口本'}
        onChange={setMaterials}
      />
      <TextField label="每次办理分钟数" kind="number" testId="service-minutes" path="service.minutes" error={error} value={minutes} maxLength={3} onChange={setMinutes} />
      <Text className="muted">办理窗口</Text>
      <View className="button-stack">
        {settings.windows.map((w) => (
          <ToggleChip key={w.id} label={w.name} checked={windowIds.includes(w.id)} onChange={(on) => toggleWindow(w.id, on)} testId={`service-window-${w.id}`} />
        ))}
      </View>
      <FieldError testId="service-windows-error" message={error?.fieldMessage('service.windowIds')} />
      <CheckRow label="可上门服务（高龄老人、残疾人）" checked={homeVisit} onChange={setHomeVisit} testId="service-home" />
      <CheckRow label="开放预约" checked={active} onChange={setActive} testId="service-active" />
      {error && !named && (
        <Text className="field-error booking__error" data-testid="service-error">
          {error.message}
        </Text>
      )}
      <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="service-save">
        保存
      </Button>
      <Button block fill="outline" disabled={busy} onClick={onClose} data-testid="service-cancel">
        取消
      </Button>
    </View>
  );
}
