import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { toApiError } from '@/api/errors';
import { uploadPhoto } from '@/api/storage';
import { CloudImage } from '@/components/CloudImage';
import { useElderMode } from '@/hooks/useElderMode';
import './PhotoPicker.scss';

/**
 * Photos for a form (an appeal, a reply, a resolution): chosen from the album or the camera,
 * uploaded to cloud storage under `folder` at once, one by one with progress, removable.
 * `onChange` gets the cloud file ids; an upload failure is shown here and keeps the photos already up.
 */
export function PhotoPicker({
  photos,
  onChange,
  max,
  folder,
  testId,
  disabled,
  onUploading,
}: {
  photos: string[];
  onChange: (photos: string[]) => void;
  max: number;
  folder: string;
  /** The picker gets `data-testid={testId}`, its add tile `${testId}-add`. */
  testId: string;
  disabled?: boolean;
  /** Told when uploads start and end, so a form can hold its submit until the photos are up. */
  onUploading?: (busy: boolean) => void;
}) {
  const [uploading, setUploading] = useState('');
  const [error, setError] = useState('');
  const { elder } = useElderMode();

  const add = async () => {
    const room = max - photos.length;
    if (room <= 0 || uploading || disabled) return;
    let files: Array<{ path: string; size: number }>;
    try {
      files = (await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFiles;
    } catch {
      return; // the picker was closed
    }
    setError('');
    onUploading?.(true);
    const chosen = files.slice(0, room);
    const uploaded: string[] = [];
    try {
      for (const [i, file] of chosen.entries()) {
        setUploading(`正在上传第 ${i + 1}/${chosen.length} 张…`);
        uploaded.push(await uploadPhoto(file.path, folder, file.size));
      }
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setUploading('');
      onUploading?.(false);
      if (uploaded.length) onChange([...photos, ...uploaded]);
    }
  };

  return (
    <View data-testid={testId}>
      <View className="photo-picker">
        {photos.map((id, index) => (
          <View key={id} className="photo-picker__item">
            <CloudImage fileID={id} alt={`已选照片 ${index + 1}`} className="photo-picker__image" />
            {!disabled && (
              <View className="photo-picker__remove jy-tap" ariaRole="button" ariaLabel="删除这张照片" onClick={() => onChange(photos.filter((p) => p !== id))}>
                <Text>{elder ? '删除这张' : '×'}</Text>
              </View>
            )}
          </View>
        ))}
        {photos.length < max && !disabled && (
          <View className="photo-picker__add jy-tap" ariaRole="button" data-testid={`${testId}-add`} onClick={add}>
            <Text>{uploading ? '上传中' : '+ 照片'}</Text>
          </View>
        )}
      </View>
      <Text className="muted">{uploading || `已选 ${photos.length}/${max} 张`}</Text>
      {error && <Text className="field-error">{error}</Text>}
    </View>
  );
}
