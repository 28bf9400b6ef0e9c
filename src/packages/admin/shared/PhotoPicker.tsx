import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { toApiError } from '@/api/errors';
import { uploadPhoto } from '@/api/storage';
import { CloudImage } from '@/components/CloudImage';
import './shared.scss';

/** Photos for a reply or a resolution: chosen, uploaded to cloud storage at once, removable. */
export function PhotoPicker({
  photos,
  onChange,
  max,
  folder,
  testId,
  disabled,
}: {
  photos: string[];
  onChange: (photos: string[]) => void;
  max: number;
  folder: string;
  testId: string;
  disabled?: boolean;
}) {
  const [uploading, setUploading] = useState('');
  const [error, setError] = useState('');

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
    const uploaded: string[] = [];
    try {
      for (const [i, file] of files.slice(0, room).entries()) {
        setUploading(`正在上传第 ${i + 1}/${Math.min(files.length, room)} 张…`);
        uploaded.push(await uploadPhoto(file.path, folder, file.size));
      }
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setUploading('');
      if (uploaded.length) onChange([...photos, ...uploaded]);
    }
  };

  return (
    <View data-testid={testId}>
      <View className="photo-picker">
        {photos.map((id) => (
          <View key={id} className="photo-picker__item">
            <CloudImage fileID={id} className="photo-picker__image" />
            {!disabled && (
              <View className="photo-picker__remove" onClick={() => onChange(photos.filter((p) => p !== id))}>
                <Text>×</Text>
              </View>
            )}
          </View>
        ))}
        {photos.length < max && !disabled && (
          <View className="photo-picker__add" data-testid={`${testId}-add`} onClick={add}>
            <Text>{uploading ? '上传中' : '+ 照片'}</Text>
          </View>
        )}
      </View>
      <Text className="muted">
        {uploading || `已选 ${photos.length}/${max} 张`}
      </Text>
      {error && <Text className="field-error">{error}</Text>}
    </View>
  );
}
