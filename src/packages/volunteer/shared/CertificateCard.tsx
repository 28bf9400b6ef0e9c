import { View, Text } from '@tarojs/components';
import type { CertificateView } from '@contract/volunteer.constants';
import { InfoRow } from '@/components/InfoRow';
import { formatDay } from '@/utils/time';

/** What a 志愿服务证明 states, as rows: for the holder and for whoever verifies it. */
export function CertificateCard({ cert }: { cert: CertificateView }) {
  return (
    <View className="card" data-testid="certificate">
      <Text className="card__title">志愿服务证明</Text>
      <InfoRow label="志愿者" value={cert.name} testId="cert-name" />
      <InfoRow label="服务期间" value={`${cert.from} 至 ${cert.to}`} testId="cert-period" />
      <InfoRow label="服务次数" value={`${cert.activities}次`} testId="cert-activities" />
      <InfoRow label="累计时长" value={`${cert.hours}小时`} testId="cert-hours" />
      <InfoRow label="出具单位" value={cert.issuer} testId="cert-issuer" />
      {cert.issuerPhone && <InfoRow label="联系电话" value={cert.issuerPhone} />}
      <InfoRow label="出具日期" value={formatDay(cert.issuedAt)} />
      <InfoRow label="验证码" value={cert.code} testId="cert-code" />
      <Text className="text-field__label">服务内容</Text>
      {cert.services.map((s) => (
        <Text key={`${s.day}-${s.title}`} className="muted">
          {s.day} {s.title}（{s.typeLabel} · {s.teamName}）{s.hours}小时
        </Text>
      ))}
      <Text className="muted">{cert.note}</Text>
    </View>
  );
}
